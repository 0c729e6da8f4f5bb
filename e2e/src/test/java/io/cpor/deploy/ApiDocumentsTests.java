package io.cpor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.e2e.support.Http;
import io.cpor.local.testing.ApiContract;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed API documents (each equal to what its service serves, which the service's own tests check), as a
 * generator or linter would read them: swagger-parser finds nothing wrong, every example validates against its
 * schema, and each has its version's first release recorded beside it.
 */
class ApiDocumentsTests {

    private static final Repository REPOSITORY = Repository.current();

    static Stream<String> documents() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("docs/openapi"))) {
            List<String> names = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .sorted().toList();
            assertThat(names).containsExactly("associations.json", "claims.json", "reviews.json");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void aParserFindsNothingWrongInIt(String name) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(REPOSITORY.read("docs/openapi/" + name), null,
                options);

        assertThat(parsed.getMessages()).as(name).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getInfo().getLicense()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void itsExamplesValidateAgainstTheirSchemas(String name) {
        assertThat(ApiContract.of(REPOSITORY.read("docs/openapi/" + name)).exampleViolations()).as(name).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void itsVersionsFirstReleaseIsRecorded(String name) throws IOException {
        String version = Http.JSON.readTree(REPOSITORY.read("docs/openapi/" + name)).path("info").path("version")
                .asText();
        String api = name.substring(0, name.length() - ".json".length());

        assertThat(REPOSITORY.resolve("docs/openapi/released/" + api + "-" + version + ".json")).isRegularFile();
    }
}

package io.cpor.support.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** How the services spell a problem: a type under {@code /problems/}, a title, a detail, and field errors. */
public final class Problems {

    public static final String BASE = "/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "invalid-request", "Invalid request",
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid; see errors");
        problem.setProperty("errors", violations);
        return problem;
    }
}

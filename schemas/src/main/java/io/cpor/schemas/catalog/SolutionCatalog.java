package io.cpor.schemas.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The solution catalog of DESIGN.md section 1, read from YAML and checked on load: codes are unique where they must
 * be and every partner role a program allows is a known role.
 */
public record SolutionCatalog(List<SolutionArea> solutionAreas, List<PartnerRole> partnerRoles) {

    /** The catalog this build ships with. */
    public static final String DEFAULT_RESOURCE = "/io/cpor/schemas/catalog/catalog.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public SolutionCatalog {
        solutionAreas = List.copyOf(require(solutionAreas, "solutionAreas"));
        partnerRoles = List.copyOf(require(partnerRoles, "partnerRoles"));
        checkConsistent(solutionAreas, partnerRoles);
    }

    public static SolutionCatalog load() {
        try (InputStream in = SolutionCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Catalog resource " + DEFAULT_RESOURCE + " is missing");
            }
            return load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SolutionCatalog load(InputStream yaml) {
        try {
            return YAML.readValue(yaml, SolutionCatalog.class);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Invalid solution catalog: " + e.getMessage(), e);
        }
    }

    /** Every code of its kind in the catalog, in catalog order, each once: for enums in API documents. */
    public List<String> solutionAreaCodes() {
        return solutionAreas.stream().map(SolutionArea::code).toList();
    }

    public List<String> programCodes() {
        return solutionAreas.stream().flatMap(area -> area.programs().stream()).map(Program::code).distinct()
                .toList();
    }

    public List<String> partnerRoleCodes() {
        return partnerRoles.stream().map(PartnerRole::code).toList();
    }

    public List<String> workloadCodes() {
        return solutionAreas.stream().flatMap(area -> area.workloads().stream()).map(Workload::code).distinct()
                .toList();
    }

    public Optional<SolutionArea> solutionArea(String code) {
        return solutionAreas.stream().filter(area -> area.code().equals(code)).findFirst();
    }

    public boolean isSolutionArea(String code) {
        return solutionArea(code).isPresent();
    }

    /** Whether any solution area offers a program of this code. */
    public boolean isProgram(String code) {
        return solutionAreas.stream().anyMatch(area -> area.program(code).isPresent());
    }

    /** What the program of that solution area holds exclusively; empty for codes the catalog does not have. */
    public Optional<Holds> holds(String solutionArea, String program) {
        return solutionArea(solutionArea).flatMap(area -> area.program(program)).map(Program::holds);
    }

    public boolean isPartnerRole(String code) {
        return partnerRole(code).isPresent();
    }

    public Optional<PartnerRole> partnerRole(String code) {
        return partnerRoles.stream().filter(role -> role.code().equals(code)).findFirst();
    }

    /** Whether any solution area has a workload of this code. */
    public boolean isWorkload(String code) {
        return workload(code).isPresent();
    }

    public Optional<Workload> workload(String code) {
        return solutionAreas.stream().flatMap(area -> area.workload(code).stream()).findFirst();
    }

    /**
     * A solution area, the programs it offers and its workloads; whether its claims name a subscription and a
     * technical contact.
     */
    public record SolutionArea(String code, String name, boolean subscriptionRequired,
            boolean technicalContactRequired, List<Program> programs, List<Workload> workloads) {

        public SolutionArea {
            require(code, "solutionAreas[].code");
            require(name, "solutionAreas[" + code + "].name");
            programs = List.copyOf(require(programs, "solutionAreas[" + code + "].programs"));
            workloads = List.copyOf(require(workloads, "solutionAreas[" + code + "].workloads"));
        }

        public Optional<Program> program(String programCode) {
            return programs.stream().filter(program -> program.code().equals(programCode)).findFirst();
        }

        public Optional<Workload> workload(String workloadCode) {
            return workloads.stream().filter(workload -> workload.code().equals(workloadCode)).findFirst();
        }
    }

    /**
     * What a program lets one partner hold at a time: a workload of a tenant, or a subscription (whatever its
     * workloads).
     */
    public enum Holds {
        WORKLOAD, SUBSCRIPTION
    }

    /** An incentive program, what it holds exclusively and the partner roles it recognises. */
    public record Program(String code, String name, Holds holds, List<String> partnerRoles) {

        public Program {
            require(code, "programs[].code");
            require(name, "programs[" + code + "].name");
            require(holds, "programs[" + code + "].holds");
            partnerRoles = List.copyOf(require(partnerRoles, "programs[" + code + "].partnerRoles"));
        }

        public boolean allows(String partnerRole) {
            return partnerRoles.contains(partnerRole);
        }
    }

    /** A product a partner can be partner of record for. */
    public record Workload(String code, String name) {

        public Workload {
            require(code, "workloads[].code");
            require(name, "workloads[" + code + "].name");
        }
    }

    /** An activity a partner performs for a customer. */
    public record PartnerRole(String code, String name) {

        public PartnerRole {
            require(code, "partnerRoles[].code");
            require(name, "partnerRoles[" + code + "].name");
        }
    }

    private static <T> T require(T value, String path) {
        if (value == null) {
            throw new IllegalArgumentException("Solution catalog: " + path + " is required");
        }
        return value;
    }

    private static void checkConsistent(List<SolutionArea> areas, List<PartnerRole> roles) {
        unique(areas.stream().map(SolutionArea::code), "solution area");
        unique(roles.stream().map(PartnerRole::code), "partner role");
        unique(areas.stream().flatMap(area -> area.workloads().stream()).map(Workload::code), "workload");
        Set<String> roleCodes = new HashSet<>();
        roles.forEach(role -> roleCodes.add(role.code()));
        for (SolutionArea area : areas) {
            unique(area.programs().stream().map(Program::code), "program in " + area.code());
            for (Program program : area.programs()) {
                if (program.holds() == Holds.SUBSCRIPTION && !area.subscriptionRequired()) {
                    throw new IllegalArgumentException("Solution catalog: program " + program.code() + " of "
                            + area.code() + " holds subscriptions, but claims of " + area.code()
                            + " name none (subscriptionRequired: false)");
                }
                for (String role : program.partnerRoles()) {
                    if (!roleCodes.contains(role)) {
                        throw new IllegalArgumentException("Solution catalog: program " + program.code() + " of "
                                + area.code() + " allows unknown partner role " + role);
                    }
                }
            }
        }
    }

    private static void unique(Stream<String> codes, String what) {
        Set<String> seen = new HashSet<>();
        codes.forEach(code -> {
            if (!seen.add(code)) {
                throw new IllegalArgumentException("Solution catalog: duplicate " + what + " code " + code);
            }
        });
    }
}

package io.cpor.local.registry;

import io.cpor.local.http.HttpStatusException;

/** A refusal in the Confluent registry's terms: an HTTP status, an {@code error_code} and its message text. */
final class RegistryException extends HttpStatusException {

    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message) {
        super(httpStatus, message);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(404, 40403, "Schema not found");
    }

    static RegistryException schemaIdNotFound(int id) {
        return new RegistryException(404, 40403, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, 40404, "Subject '" + subject
                + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405, "Subject '" + subject
                + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectLevelCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, 40408, "Subject '" + subject
                + "' does not have subject-level compatibility configured");
    }

    static RegistryException subjectLevelModeNotConfigured(String subject) {
        return new RegistryException(404, 40409, "Subject '" + subject
                + "' does not have subject-level mode configured");
    }

    static RegistryException incompatibleSchema(String subject, java.util.List<String> details) {
        return new RegistryException(409, 40901, "Schema being registered is incompatible with an earlier schema "
                + "for subject \"" + subject + "\", details: " + details);
    }

    static RegistryException invalidSchema(String details) {
        return new RegistryException(422, 42201, "Invalid schema of type AVRO, details: " + details);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version + "' is not a valid version "
                + "id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, "
                + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException referenced(int id) {
        return new RegistryException(422, 42206, "One or more references exist to the schema " + id + ".");
    }

    static RegistryException readOnly(String subject) {
        return notPermitted("Subject " + subject + " in context  is in read-only mode");
    }

    static RegistryException notImportMode(String subject) {
        return notPermitted("Subject " + subject + " in context  is not in import mode");
    }

    static RegistryException notReadWriteMode(String subject) {
        return notPermitted("Subject " + subject + " in context  is not in read-write mode");
    }

    static RegistryException overwrite(int id) {
        return notPermitted("Overwrite new schema with id " + id + " in context  is not permitted.");
    }

    static RegistryException notPermitted(String message) {
        return new RegistryException(422, 42205, message);
    }

    static RegistryException invalidRuleSet(String message) {
        return new RegistryException(422, 42210, message);
    }

    static RegistryException invalidSubject(String subject) {
        return new RegistryException(422, 42208, "The specified subject '" + subject + "' is not a valid.");
    }
}

package io.cpor.claims.api;

/** Example bodies shown in the OpenAPI description. */
final class ApiExamples {

    static final String CLAIM = """
            {
              "partnerId": "1000001",
              "name": "Contoso Teams rollout",
              "customer": {
                "tenantId": "2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01",
                "domain": "contoso.onmicrosoft.com",
                "locale": "en",
                "contact": {"name": "Ana Souza", "title": "CIO", "email": "ana.souza@contoso.com"}
              },
              "partnerContact": {"name": "Sam Partner", "email": "sam@partner-one.example"},
              "solutionArea": "MODERN_WORK_SECURITY",
              "program": "OSU_M365",
              "partnerRole": "USE_OR_CONSUME",
              "workloads": ["TEAMS", "EXCHANGE_ONLINE"],
              "proofOfExecution": {
                "fileName": "proof-of-execution.pdf",
                "mediaType": "application/pdf",
                "sizeBytes": 48213,
                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "uri": "https://files.partner-one.example/poe.pdf"
              },
              "comments": "Teams and Exchange Online deployed in March; usage report attached to the proof.",
              "programTermsAccepted": true
            }""";

    static final String INVALID = """
            {
              "type": "/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid; see errors",
              "instance": "/api/v1/claims",
              "errors": [
                {"field": "customer.tenantId", "message": "must be a GUID such as 2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01"},
                {"field": "workloads[1]", "message": "unknown workload code 'TEAM'"}
              ]
            }""";

    private ApiExamples() {
    }
}

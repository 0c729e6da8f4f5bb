package io.cpor.schemas.serde;

import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;

/** The metadata and rules a schema was registered with; either may be absent. */
public record DataContract(Metadata metadata, RuleSet ruleSet) {

    public static final DataContract NONE = new DataContract(null, null);
}

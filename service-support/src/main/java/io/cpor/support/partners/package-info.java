/**
 * Who a PartnerID is, as Partner Center registered it: the organisation's name, its country and the incentive
 * programs it is enrolled in. The services ask the partner directory ({@code cpor.partners.base-url}; the local
 * platform serves one on port 8091) instead of trusting what a partner typed into a claim.
 */
package io.cpor.support.partners;

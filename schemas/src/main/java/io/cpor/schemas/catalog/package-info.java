/**
 * The solution catalog: solution areas, the programs and partner roles each allows, and its workloads. It lives
 * in {@code catalog.yaml} next to this package so it grows by configuration, not code; {@link
 * io.cpor.schemas.catalog.SolutionCatalog} reads and checks it.
 */
package io.cpor.schemas.catalog;

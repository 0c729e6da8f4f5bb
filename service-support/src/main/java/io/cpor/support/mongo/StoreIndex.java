package io.cpor.support.mongo;

import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * An index a service's store needs: declared as a bean, created by {@link StoreIndexes} before the service reports
 * ready.
 *
 * @param entity the mapped document class whose collection it indexes
 * @param definition the keys and options
 */
public record StoreIndex(Class<?> entity, IndexDefinition definition) {
}

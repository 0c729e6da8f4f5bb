/** What every service's MongoDB stores share: their indexes, declared as beans and created at startup. */
package io.cpor.support.mongo;

/** The association requests, reservations, timers and withdrawals in MongoDB (database {@code associations}). */
package io.cpor.associations.store;

/** The mail queue in MongoDB: one document per mail, leased by a worker while it is sent. */
package io.cpor.notifications.store;

/** The local subscription directory: what Microsoft knows of a customer's subscriptions (port 8092). */
package io.cpor.local.subscriptions;

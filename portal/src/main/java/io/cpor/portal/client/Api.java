package io.cpor.portal.client;

/** The APIs the portal calls. */
public enum Api {
    CLAIMS, REVIEWS, ASSOCIATIONS
}

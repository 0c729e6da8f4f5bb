package io.cpor.portal.api;

/** The APIs the portal calls. */
public enum Api {
    CLAIMS, REVIEWS, ASSOCIATIONS
}

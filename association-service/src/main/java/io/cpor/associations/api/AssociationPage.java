package io.cpor.associations.api;

import java.util.List;

/** A page of associations, newest first; {@code nextCursor} fetches the next (null on the last page). */
record AssociationPage(List<AssociationView> items, String nextCursor) {
}

package io.cpor.support.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A list read of one owner's documents: conditions, a search term matched literally and in any case against some
 * fields, an order by one field and then {@code _id}, a keyset position after which the page starts, and a limit.
 * Keyset rather than offset paging: a page does not move when documents are added before it.
 */
public final class ListQuery {

    private final List<Criteria> conditions = new ArrayList<>();
    private final String field;
    private final boolean ascending;

    private ListQuery(Criteria owner, String field, boolean ascending) {
        conditions.add(owner);
        this.field = field;
        this.ascending = ascending;
    }

    /** The documents the owner condition selects, ordered by {@code field}. */
    public static ListQuery of(Criteria owner, String field, boolean ascending) {
        return new ListQuery(owner, field, ascending);
    }

    public ListQuery where(Criteria condition) {
        conditions.add(condition);
        return this;
    }

    /** Documents where any of the fields contains the term, literally (no pattern), in any case. */
    public ListQuery search(String term, String... fields) {
        if (term != null) {
            Pattern part = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE);
            List<Criteria> any = new ArrayList<>();
            for (String name : fields) {
                any.add(Criteria.where(name).regex(part));
            }
            conditions.add(new Criteria().orOperator(any));
        }
        return this;
    }

    /** Documents after the one with this value of the order's field and this id, in the order. */
    public ListQuery after(Object value, String id) {
        conditions.add(new Criteria().orOperator(
                ascending ? Criteria.where(field).gt(value) : Criteria.where(field).lt(value),
                new Criteria().andOperator(Criteria.where(field).is(value),
                        ascending ? Criteria.where("_id").gt(id) : Criteria.where("_id").lt(id))));
        return this;
    }

    /** The query, at most {@code limit} documents (0: all). */
    public Query query(int limit) {
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        Query query = Query.query(new Criteria().andOperator(conditions))
                .with(Sort.by(new Sort.Order(direction, field), new Sort.Order(direction, "_id")));
        return limit > 0 ? query.limit(limit) : query;
    }
}

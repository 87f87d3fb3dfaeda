package com.example.petclinic.listing;

import jakarta.persistence.criteria.Expression;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.EscapeCharacter;

/**
 * The rows whose name starts with a text, ignoring case, as a range of an index on
 * {@code upper(name)}.
 * <p>
 * {@code upper(name) LIKE 'JO%'} alone is an index range only under the C collation,
 * Aurora DSQL's; on a PostgreSQL whose database collation is another (even
 * {@code C.UTF-8}) a B-tree serves {@code LIKE} only with the {@code text_pattern_ops}
 * operator class or a {@code COLLATE "C"} index, neither of which DSQL's
 * {@code CREATE INDEX ASYNC} takes. So the filter is written as the range
 * {@code upper(name) >= upper('jo') AND upper(name) < upper('jo' || U+10FFFF)}, which a
 * B-tree serves under any collation and which under a code-point order (C, C.UTF-8) holds
 * exactly the names that start with the text (but one whose next character is U+10FFFF, a
 * noncharacter), and the {@code LIKE} stays beside it, so that no other name matches
 * whatever the collation. As Spring Data derives {@code StartingWithIgnoreCase}, the
 * database uppercases both sides, and the text's own {@code %} and {@code _} match
 * literally.
 */
public final class NamePrefix {

	private static final String LAST_CODE_POINT = Character.toString(Character.MAX_CODE_POINT);

	private NamePrefix() {
	}

	/**
	 * @param upperName the entity's attribute that is {@code upper(name)} (a
	 * {@code @Formula}), the expression its index is on
	 * @param prefix what the name starts with
	 */
	public static <T> Specification<T> of(String upperName, String prefix) {
		String pattern = EscapeCharacter.DEFAULT.escape(prefix) + "%";
		return (root, query, criteria) -> {
			// Values, not literals: bind parameters, never text in the statement.
			HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) criteria;
			Expression<String> key = root.get(upperName);
			return cb.and(cb.greaterThanOrEqualTo(key, cb.upper(cb.value(prefix))),
					cb.lessThan(key, cb.upper(cb.value(prefix + LAST_CODE_POINT))),
					cb.like(key, cb.upper(cb.value(pattern)), EscapeCharacter.DEFAULT.getEscapeCharacter()));
		};
	}

}

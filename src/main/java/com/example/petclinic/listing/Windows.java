package com.example.petclinic.listing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.util.DirectFieldAccessFallbackBeanWrapper;

/**
 * Reads a window of a list: the rows that match a filter, in an order that ends with the
 * id, after a {@linkplain KeysetScrollPosition keyset position} (the order's values of
 * the last row read) or an offset. Every window this returns has keyset positions, so
 * that the next window is read after a key whichever way this one was reached.
 * <p>
 * Spring Data writes the keyset condition as {@code (a > :a) or (a = :a and id > :id)}.
 * Neither PostgreSQL nor Aurora DSQL (whose planner is PostgreSQL's) makes an index
 * condition of such an {@code or}: the index would be read from its first entry and every
 * row before the position filtered out, so that page {@code n} costs {@code n} pages. The
 * window therefore also carries the condition the {@code or} implies on the order's first
 * property ({@code a >= :a}, or {@code <=} descending), which is an index range: the read
 * starts with one descent at the position, and reads past only the rows that share the
 * last row's first value.
 */
public final class Windows {

	private Windows() {
	}

	/**
	 * @param repository the list's repository
	 * @param filter the rows of the list
	 * @param position where the window starts: a keyset position of {@code sort}'s
	 * properties, or an offset
	 * @param sort the order, ending with the id, each property the attribute of an index
	 * @param size how many rows the window holds at most
	 */
	public static <T> Window<T> read(JpaSpecificationExecutor<T> repository, Specification<T> filter,
			ScrollPosition position, Sort sort, int size) {
		Window<T> window = repository.findBy(filter.and(leadingBound(position, sort)),
				(query) -> query.sortBy(sort).limit(size).scroll(position));
		return (position instanceof KeysetScrollPosition) ? window : keyed(window, sort);
	}

	/**
	 * The rows at or after the position's value of the order's first property: implied by
	 * the keyset condition, and the part of it an index can serve.
	 */
	static <T> Specification<T> leadingBound(ScrollPosition position, Sort sort) {
		if (!(position instanceof KeysetScrollPosition keyset) || keyset.isInitial()) {
			return Specification.unrestricted();
		}
		Sort.Order first = sort.iterator().next();
		Object value = keyset.getKeys().get(first.getProperty());
		if (value == null) {
			throw new IllegalArgumentException("The position has no value for " + first.getProperty());
		}
		return (root, query, cb) -> bound(cb, root.get(first.getProperty()), value, first.isAscending());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Predicate bound(CriteriaBuilder cb, Expression<?> property, Object value, boolean ascending) {
		Expression<Comparable> comparable = (Expression<Comparable>) property;
		return ascending ? cb.greaterThanOrEqualTo(comparable, (Comparable) value)
				: cb.lessThanOrEqualTo(comparable, (Comparable) value);
	}

	/**
	 * The same rows with keyset positions: each row's values of the order's properties,
	 * read from the entity as Spring Data reads them for a keyset window.
	 */
	static <T> Window<T> keyed(Window<T> window, Sort sort) {
		List<T> rows = window.getContent();
		List<String> properties = sort.stream().map(Sort.Order::getProperty).toList();
		return Window.from(rows, (index) -> ScrollPosition.forward(keysOf(rows.get(index), properties)),
				window.hasNext());
	}

	private static Map<String, Object> keysOf(Object row, List<String> properties) {
		DirectFieldAccessFallbackBeanWrapper values = new DirectFieldAccessFallbackBeanWrapper(row);
		return properties.stream().collect(Collectors.toMap((property) -> property, (property) -> {
			Object value = values.getPropertyValue(property);
			if (value == null) {
				throw new IllegalStateException("%s has no %s to order by".formatted(row, property));
			}
			return value;
		}));
	}

}

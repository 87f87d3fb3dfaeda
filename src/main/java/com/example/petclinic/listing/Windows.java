package com.example.petclinic.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.tree.expression.SqmExpression;

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
 * window therefore also carries the same condition as a row comparison,
 * {@code (a, id) > (:a, :id)} ({@code <} descending), which the planner makes one index
 * condition on PostgreSQL: the read starts with one descent at the position, however many
 * rows share the last row's value of {@code a} (a city, a birth date), and Spring Data's
 * {@code or} then filters out none of the rows read. Hibernate's PostgreSQL dialect,
 * which the service uses on Aurora DSQL too, writes the comparison as it is.
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
		Window<T> window = repository.findBy(filter.and(after(position, sort)),
				(query) -> query.sortBy(sort).limit(size).scroll(position));
		return (position instanceof KeysetScrollPosition) ? window : keyed(window, sort);
	}

	/**
	 * The rows after the position in the order: a row comparison of the order's
	 * properties with the position's values, written with Hibernate's criteria nodes
	 * because JPA's criteria API has no row values.
	 */
	static <T> Specification<T> after(ScrollPosition position, Sort sort) {
		List<Sort.Order> orders = sort.toList();
		boolean ascending = orders.get(0).isAscending();
		if (orders.stream().anyMatch((order) -> order.isAscending() != ascending)) {
			throw new IllegalArgumentException("A keyset window's order has one direction, not " + sort);
		}
		if (!(position instanceof KeysetScrollPosition keyset) || keyset.isInitial()) {
			return Specification.unrestricted();
		}
		if (keyset.scrollsBackward()) {
			throw new IllegalArgumentException("A window is read forward from its position, not " + position);
		}
		List<Object> values = orders.stream().map((order) -> valueOf(keyset, order.getProperty())).toList();
		return (root, query, cb) -> {
			NodeBuilder nodes = (NodeBuilder) cb;
			List<SqmExpression<?>> columns = new ArrayList<>();
			List<SqmExpression<?>> keys = new ArrayList<>();
			for (int i = 0; i < orders.size(); i++) {
				columns.add((SqmExpression<?>) root.get(orders.get(i).getProperty()));
				keys.add((SqmExpression<?>) nodes.value(values.get(i)));
			}
			return compare(cb, nodes.tuple(Object[].class, columns), nodes.tuple(Object[].class, keys), ascending);
		};
	}

	private static Object valueOf(KeysetScrollPosition keyset, String property) {
		Object value = keyset.getKeys().get(property);
		if (value == null) {
			throw new IllegalArgumentException("The position has no value for " + property);
		}
		return value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Predicate compare(CriteriaBuilder cb, Expression<?> row, Expression<?> position, boolean ascending) {
		return ascending ? cb.greaterThan((Expression) row, (Expression) position)
				: cb.lessThan((Expression) row, (Expression) position);
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

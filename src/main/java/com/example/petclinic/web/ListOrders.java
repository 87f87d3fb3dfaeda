package com.example.petclinic.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The orders a list offers, the first one its default: for each, the value of the
 * {@code sort} parameter, the attribute of the list's entity it orders by (an index's
 * leading key), and that attribute's type, which a cursor's key must have. Every order
 * ends with the {@value #ID} attribute, so that rows with equal values have one order and
 * a cursor points between two rows.
 *
 * @param list the list's name, which its cursors carry, so that a cursor of one list is
 * refused by another
 * @param keys the orders, the default first
 */
public record ListOrders(String list, List<Key> keys) {

	/** The id attribute, which ends every order. */
	public static final String ID = "id";

	static final Set<Class<?>> KEY_TYPES = Set.of(String.class, LocalDate.class, UUID.class);

	public ListOrders {
		keys = List.copyOf(keys);
	}

	public static ListOrders of(String list) {
		return new ListOrders(list, List.of());
	}

	/**
	 * These orders and one more.
	 * @param parameter the value of {@code sort}, as clients write it
	 * @param attribute the entity attribute it orders by
	 * @param type the attribute's type: {@code String}, {@code LocalDate} or {@code UUID}
	 */
	public ListOrders by(String parameter, String attribute, Class<?> type) {
		if (!KEY_TYPES.contains(type)) {
			throw new IllegalArgumentException("A list cannot be ordered by a " + type.getSimpleName());
		}
		List<Key> more = new ArrayList<>(this.keys);
		more.add(new Key(parameter, attribute, type));
		return new ListOrders(this.list, more);
	}

	Key defaultKey() {
		if (this.keys.isEmpty()) {
			throw new IllegalStateException("The list " + this.list + " offers no order");
		}
		return this.keys.get(0);
	}

	Optional<Key> key(String parameter) {
		return this.keys.stream().filter((key) -> key.parameter().equals(parameter)).findFirst();
	}

	List<String> parameters() {
		return this.keys.stream().map(Key::parameter).toList();
	}

	/**
	 * One order of a list.
	 */
	public record Key(String parameter, String attribute, Class<?> type) {

	}

}

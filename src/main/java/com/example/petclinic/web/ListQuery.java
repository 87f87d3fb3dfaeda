package com.example.petclinic.web;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;

/**
 * The page of a list a request asks for, as Spring Data reads it: an order, the position
 * after which the page starts, and its size. A module's controller hands these to its
 * service and the window the service read back to {@link Lists#page}.
 *
 * @param orders the list's orders
 * @param key the order of this page
 * @param direction its direction
 * @param position a keyset position (the first page, or a cursor), or an offset (a
 * numbered page)
 * @param size the most rows of the page
 * @param number the page's number, when the request gave one or none (the first page),
 * {@code null} for a cursor's
 * @param totals whether the page counts the rows of the whole list
 */
public record ListQuery(ListOrders orders, ListOrders.Key key, Sort.Direction direction, ScrollPosition position,
		int size, @Nullable Integer number, boolean totals) {

	/**
	 * The order: the key's attribute then the id, both in the page's direction, so that
	 * an index on both serves it, read backwards for a descending order.
	 */
	public Sort sort() {
		return Sort.by(this.direction, this.key.attribute(), ListOrders.ID);
	}

}

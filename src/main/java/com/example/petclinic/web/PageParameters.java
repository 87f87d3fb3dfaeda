package com.example.petclinic.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters of a list endpoint.
 * Unlike Spring Data's own resolver, a value the endpoint cannot honour is refused with
 * {@code 400} instead of being silently replaced by a default.
 *
 * @param page zero-based page number, 0 by default
 * @param size page size, {@value #DEFAULT_SIZE} by default and at most {@value #MAX_SIZE}
 * @param sort {@code property} or {@code property,asc|desc}, repeatable
 */
public record PageParameters(@Min(0) @Nullable Integer page, @Min(1) @Max(MAX_SIZE) @Nullable Integer size,
		@Nullable List<String> sort) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/**
	 * The page to read, sorted by the requested properties (each one of {@code sortable})
	 * or by {@code defaultSort}, and always by id last so that pages never overlap.
	 */
	public Pageable toPageable(Set<String> sortable, Sort defaultSort) {
		Sort order = (this.sort == null || this.sort.isEmpty()) ? defaultSort : parseSort(this.sort, sortable);
		int number = (this.page != null) ? this.page : 0;
		int pageSize = (this.size != null) ? this.size : DEFAULT_SIZE;
		if ((long) number * pageSize > Integer.MAX_VALUE) {
			throw new InvalidQueryParameterException("page",
					"Page %d of size %d would start after row %,d, the furthest a page can start".formatted(number,
							pageSize, Integer.MAX_VALUE));
		}
		return PageRequest.of(number, pageSize, order.and(Sort.by("id")));
	}

	// "sort=name,desc&sort=city" arrives as ["name,desc", "city"], a lone
	// "sort=name,desc" already split as ["name", "desc"]: both read as properties, each
	// optionally followed by a direction.
	private static Sort parseSort(List<String> sort, Set<String> sortable) {
		List<String> tokens = sort.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.toList();
		List<Sort.Order> orders = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			String property = tokens.get(i);
			if (!sortable.contains(property)) {
				throw new InvalidQueryParameterException("sort",
						"Cannot sort by '%s'; sortable properties are %s".formatted(property, sortable));
			}
			Sort.Direction direction = Sort.Direction.ASC;
			if (i + 1 < tokens.size() && !sortable.contains(tokens.get(i + 1))) {
				direction = direction(tokens.get(++i));
			}
			orders.add(new Sort.Order(direction, property));
		}
		return Sort.by(orders);
	}

	private static Sort.Direction direction(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "asc" -> Sort.Direction.ASC;
			case "desc" -> Sort.Direction.DESC;
			default -> throw new InvalidQueryParameterException("sort",
					"Sort direction '%s' is neither 'asc' nor 'desc'".formatted(value));
		};
	}

}

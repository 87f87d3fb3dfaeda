package com.example.petclinic.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters that say which page of a list to read and in which order; what
 * they mean, and the values the list refuses with {@code 400} instead of replacing them
 * by a default (as Spring Data's own resolver would), is {@link Lists}' business.
 *
 * @param page zero-based page number, 0 by default; numbered pages go only
 * {@code petclinic.lists.max-offset} rows deep
 * @param size page size, {@value #DEFAULT_SIZE} by default and at most {@value #MAX_SIZE}
 * @param sort {@code property} or {@code property,asc|desc}, one property
 * @param cursor where the page starts, as the previous page's {@code next} link says
 * @param totals whether to count the rows of the whole list
 */
public record PageParameters(@Parameter(description = "Zero-based page number; a numbered page skips at most "
		+ "petclinic.lists.max-offset rows (10,000 by default): beyond, follow the next link") @Min(0) @Nullable Integer page,
		@Parameter(description = "Rows per page") @Min(1) @Max(MAX_SIZE) @Nullable Integer size,
		@Parameter(description = "One property, optionally followed by ,asc or ,desc") @Nullable List<String> sort,
		@Parameter(description = "Where the page starts: copied from the previous page's next link (Link header "
				+ "or page.next), never written by hand; it keeps that page's order and filters") @Nullable String cursor,
		@Parameter(description = "true to count every row of the list (page.totalElements, page.totalPages): "
				+ "a read of all of them, which a page otherwise never does") @Nullable Boolean totals) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

}

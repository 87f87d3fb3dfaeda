package com.example.petclinic.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A page of a list: {@code {"content": [...], "page": {"size": 20, "number": 0, "next":
 * "/api/owners?cursor=..."}}}, members without a value left out.
 *
 * @param content the rows of the page, in the list's order
 * @param page where the page is in the list
 */
public record ListPage<T>(List<T> content, Metadata page) {

	/**
	 * @param size the page size asked for; a page holds fewer rows only at the list's end
	 * @param number the page's number: for a numbered page (or the first), not for a
	 * cursor's
	 * @param next the next page's URL, relative to the host (also in the {@code Link}
	 * header, {@code rel="next"}); absent on the last page
	 * @param totalElements the rows of the whole list, only when {@code totals=true}
	 * @param totalPages the pages of the whole list, only when {@code totals=true}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Metadata(int size, @Nullable Integer number, @Schema(
			description = "The next page (a path with its cursor), also in the Link header; absent on the last page",
			example = "/api/owners?size=20&cursor=eyJ2IjoyfQ") @Nullable String next,
			@Schema(description = "Only with totals=true") @Nullable Long totalElements,
			@Schema(description = "Only with totals=true") @Nullable Long totalPages) {

	}

}

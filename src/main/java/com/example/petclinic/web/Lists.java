package com.example.petclinic.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The lists' paging: which page a request asks for ({@link #query}), and the page with
 * its {@code next} link ({@link #page}).
 * <p>
 * A page is a keyset window: the rows after the last row of the previous page in the
 * list's order (its key and id), which an index serves with one descent whatever the
 * page's depth, and which neither skips nor repeats a row when rows are inserted or
 * deleted between two pages. The {@code next} link (RFC 8288 {@code Link} header, and the
 * same URL in the body) carries that position as an opaque {@link ListCursor}. Numbered
 * pages ({@code page=}) are an {@code OFFSET}, whose rows the database reads and skips:
 * they go at most {@link ListProperties#maxOffset()} rows deep. Counting the rows of the
 * list reads all of them (on Aurora DSQL, billed by the bytes read): only when asked
 * ({@code totals=true}).
 */
@Component
@EnableConfigurationProperties(ListProperties.class)
public class Lists {

	private static final Set<String> NOT_CARRIED = Set.of("page", ListCursor.PARAMETER, "totals");

	private static final int FILTER_BYTES = 9;

	/** The parameters that choose a page of the rows, rather than the rows. */
	private static final Set<String> NOT_FILTERS = Set.of("page", ListCursor.PARAMETER, "totals", "size", "sort");

	private final ListProperties properties;

	Lists(ListProperties properties) {
		this.properties = properties;
	}

	/**
	 * The page the request's parameters ask for.
	 * @throws InvalidQueryParameterException for an order the list does not offer, a
	 * numbered page beyond the deepest, or a cursor that is not one of this list's
	 */
	public ListQuery query(PageParameters parameters, ListOrders orders) {
		int size = (parameters.size() != null) ? parameters.size() : PageParameters.DEFAULT_SIZE;
		boolean totals = Boolean.TRUE.equals(parameters.totals());
		@Nullable RequestedOrder requested = (parameters.sort() == null || parameters.sort().isEmpty()) ? null
				: requestedOrder(parameters.sort(), orders);
		if (parameters.cursor() != null) {
			if (parameters.page() != null) {
				throw new InvalidQueryParameterException("page",
						"A page is given by its number or by a cursor, not by both");
			}
			ListCursor cursor = ListCursor.decode(parameters.cursor(), orders, filtersOf(currentRequest()));
			ListOrders.Key key = orders.key(cursor.sort()).orElseThrow();
			if (requested != null && (!requested.key().equals(key) || requested.direction() != cursor.direction())) {
				throw new InvalidQueryParameterException("sort",
						"The cursor continues the order %s,%s; give that sort or none".formatted(key.parameter(),
								cursor.direction().name().toLowerCase(Locale.ROOT)));
			}
			ScrollPosition position = ScrollPosition
				.forward(Map.of(key.attribute(), cursor.key(), ListOrders.ID, cursor.id()));
			return new ListQuery(orders, key, cursor.direction(), position, size, null, totals);
		}
		ListOrders.Key key = (requested != null) ? requested.key() : orders.defaultKey();
		Sort.Direction direction = (requested != null) ? requested.direction() : Sort.Direction.ASC;
		int number = (parameters.page() != null) ? parameters.page() : 0;
		long offset = (long) number * size;
		if (offset > this.properties.maxOffset()) {
			throw new InvalidQueryParameterException("page",
					("Page %d of size %d would skip %,d rows; numbered pages "
							+ "skip at most %,d. Follow the next link of a page (its cursor) to read further")
						.formatted(number, size, offset, this.properties.maxOffset()));
		}
		// An offset position is the one of the row before the window: the window starts
		// after it.
		ScrollPosition position = (number == 0) ? ScrollPosition.keyset() : ScrollPosition.offset(offset - 1);
		return new ListQuery(orders, key, direction, position, size, number, totals);
	}

	/**
	 * {@code 200 OK} with the page read for the query, and a {@code Link} to the next one
	 * when there is more.
	 * @param window the rows read, with keyset positions
	 * @param count counts the rows of the whole list; called only when the query asks for
	 * totals
	 */
	public <T> ResponseEntity<ListPage<T>> page(ListQuery query, Window<T> window, LongSupplier count) {
		String next = (window.hasNext() && !window.isEmpty()) ? nextLink(query, window) : null;
		Long total = query.totals() ? count.getAsLong() : null;
		Long pages = (total != null) ? (total + query.size() - 1) / query.size() : null;
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (next != null) {
			ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return ok.body(new ListPage<>(window.getContent(),
				new ListPage.Metadata(query.size(), query.number(), next, total, pages)));
	}

	/**
	 * The request's own path and parameters but for the page, cursor and totals, and the
	 * cursor after the window's last row: a path relative to the host, as the
	 * {@code Location} of {@link Locations}, never built from the {@code Host} header.
	 */
	private static String nextLink(ListQuery query, Window<?> window) {
		ScrollPosition last = window.positionAt(window.size() - 1);
		if (!(last instanceof KeysetScrollPosition keyset)) {
			throw new IllegalStateException("A list's window must have keyset positions, not " + last);
		}
		Object key = keyset.getKeys().get(query.key().attribute());
		Object id = keyset.getKeys().get(ListOrders.ID);
		if (!query.key().type().isInstance(key) || !(id instanceof UUID uuid)) {
			throw new IllegalStateException(
					"The window's keys %s do not fit the order %s".formatted(keyset.getKeys(), query.key()));
		}
		HttpServletRequest request = currentRequest();
		String cursor = new ListCursor(query.orders().list(), filtersOf(request), query.key().parameter(),
				query.direction(), key, uuid)
			.encode();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!NOT_CARRIED.contains(name)) {
				link.queryParam(encode(name), Arrays.stream(values).map(Lists::encode).toArray());
			}
		});
		return link.queryParam(ListCursor.PARAMETER, cursor).build(true).toUriString();
	}

	private static HttpServletRequest currentRequest() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	/**
	 * A fingerprint of the request's filters (every parameter but those of paging: its
	 * names and values as given), which a cursor carries and must match: a short SHA-256,
	 * not a secret, since a cursor is the client's to read.
	 */
	static String filtersOf(HttpServletRequest request) {
		StringBuilder filters = new StringBuilder();
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			if (!NOT_FILTERS.contains(name)) {
				filters.append(name).append('\u0000').append(String.join("\u0000", values)).append('\u0001');
			}
		});
		byte[] digest;
		try {
			digest = MessageDigest.getInstance("SHA-256").digest(filters.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, FILTER_BYTES));
	}

	private static String encode(String value) {
		// A query parameter may hold "+" as it is, but Tomcat reads it as a space: a
		// search for "a+b" must stay one in its next link.
		return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
	}

	/**
	 * The one order asked for: {@code property} or {@code property,direction}, as one
	 * {@code sort} value ({@code sort=name,desc} arrives as {@code ["name", "desc"]}, a
	 * repeated {@code sort} as {@code ["name,desc", "city"]}). One property, because each
	 * order is one index: an order by two would be a sort of every matching row.
	 */
	private static RequestedOrder requestedOrder(List<String> sort, ListOrders orders) {
		List<String> tokens = sort.stream()
			.flatMap((value) -> Arrays.stream(value.split(",", -1)))
			.map(String::trim)
			.toList();
		String property = tokens.get(0);
		ListOrders.Key key = orders.key(property)
			.orElseThrow(() -> new InvalidQueryParameterException("sort",
					"Cannot sort by '%s'; sortable properties are %s".formatted(property, orders.parameters())));
		if (tokens.size() > 2 || (tokens.size() == 2 && orders.key(tokens.get(1)).isPresent())) {
			throw new InvalidQueryParameterException("sort",
					"A list is sorted by one property at a time, each by an index of its own; sortable properties are %s"
						.formatted(orders.parameters()));
		}
		Sort.Direction direction = (tokens.size() == 2) ? direction(tokens.get(1)) : Sort.Direction.ASC;
		return new RequestedOrder(key, direction);
	}

	private static Sort.Direction direction(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "asc" -> Sort.Direction.ASC;
			case "desc" -> Sort.Direction.DESC;
			default -> throw new InvalidQueryParameterException("sort",
					"Sort direction '%s' is neither 'asc' nor 'desc'".formatted(value));
		};
	}

	private record RequestedOrder(ListOrders.Key key, Sort.Direction direction) {

	}

}

package com.example.petclinic.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;

/**
 * Where the next page of a list starts, as the {@code cursor} parameter of its
 * {@code next} link: the list, its filters, its order, and the last row's key (the value
 * of the order's attribute and the id). A client treats it as opaque text; it is
 * base64url (RFC 4648 §5, without padding) of a small JSON object with a format version:
 * {@code {"v":2,"list":"owners","filter":"…","sort":"name","dir":"asc","key":["JOHN
 * DOE","…"]}}. The filter is a fingerprint of the request's filters
 * ({@link Lists#filtersOf}): a position in the owners named "jo…" is no position in the
 * owners named "ma…".
 * <p>
 * It is read strictly: anything but this service's own format, version and list, other
 * filters than the request's, or a key of another type than the order's, is refused with
 * {@code 400}, never passed to the database. It carries no signature: a changed key only
 * moves the position, to rows the client may read anyway, and a signature would need a
 * secret shared by every instance behind a load balancer.
 */
record ListCursor(String list, String filter, String sort, Sort.Direction direction, Object key, UUID id) {

	static final String PARAMETER = "cursor";

	static final int VERSION = 2;

	/** Far more than any key of this API needs: a name's key is at most 30 characters. */
	static final int MAX_LENGTH = 1_000;

	private static final Set<String> MEMBERS = Set.of("v", "list", "filter", "sort", "dir", "key");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String START_AGAIN = "; start again from the first page (without cursor) and follow its next link";

	String encode() {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("v", VERSION);
		members.put("list", this.list);
		members.put("filter", this.filter);
		members.put("sort", this.sort);
		members.put("dir", this.direction.name().toLowerCase(Locale.ROOT));
		members.put("key", List.of(this.key.toString(), this.id.toString()));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(members));
	}

	/**
	 * @param filter the fingerprint of the request's filters
	 * @throws InvalidQueryParameterException when the text is not a cursor of this list
	 * with these filters
	 */
	static ListCursor decode(String text, ListOrders orders, String filter) {
		if (text.length() > MAX_LENGTH) {
			throw invalid("is longer than any cursor this service writes");
		}
		JsonNode cursor;
		try {
			cursor = JSON.readTree(Base64.getUrlDecoder().decode(text));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw invalid("is not a cursor this service wrote");
		}
		if (cursor == null || !cursor.isObject() || !MEMBERS.containsAll(cursor.propertyNames())) {
			throw invalid("is not a cursor this service wrote");
		}
		JsonNode version = cursor.get("v");
		if (version == null || !version.isInt()) {
			throw invalid("is not a cursor this service wrote");
		}
		if (version.intValue() != VERSION) {
			throw invalid("was written by another version of the service, which this one cannot continue");
		}
		String list = text(cursor, "list");
		if (!list.equals(orders.list())) {
			throw invalid("belongs to the list of %s, not of %s".formatted(list, orders.list()));
		}
		String written = text(cursor, "filter");
		if (!written.equals(filter)) {
			throw invalid("continues the list with other filters than this request's");
		}
		String sort = text(cursor, "sort");
		ListOrders.Key order = orders.key(sort)
			.orElseThrow(() -> invalid("continues an order this list no longer offers: " + sort));
		Sort.Direction direction = switch (text(cursor, "dir")) {
			case "asc" -> Sort.Direction.ASC;
			case "desc" -> Sort.Direction.DESC;
			default -> throw invalid("is not a cursor this service wrote");
		};
		JsonNode key = cursor.get("key");
		if (key == null || !key.isArray() || key.size() != 2 || !key.get(0).isString() || !key.get(1).isString()) {
			throw invalid("is not a cursor this service wrote");
		}
		return new ListCursor(list, written, sort, direction, value(key.get(0).stringValue(), order.type()),
				(UUID) value(key.get(1).stringValue(), UUID.class));
	}

	private static String text(JsonNode cursor, String member) {
		JsonNode value = cursor.get(member);
		if (value == null || !value.isString()) {
			throw invalid("is not a cursor this service wrote");
		}
		return value.stringValue();
	}

	private static Object value(String text, Class<?> type) {
		try {
			if (type == LocalDate.class) {
				return LocalDate.parse(text);
			}
			if (type == UUID.class) {
				return CanonicalUuids.parse(text);
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw invalid("is not a cursor this service wrote");
		}
		if (text.indexOf('\u0000') >= 0) {
			throw invalid("is not a cursor this service wrote");
		}
		return text;
	}

	private static InvalidQueryParameterException invalid(String reason) {
		return new InvalidQueryParameterException(PARAMETER, "The cursor " + reason + START_AGAIN);
	}

}

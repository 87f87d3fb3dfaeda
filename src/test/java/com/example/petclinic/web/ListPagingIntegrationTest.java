package com.example.petclinic.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list is read page after page by following each page's {@code next} link: every row
 * once, in the list's order, also while rows are inserted and deleted meanwhile; its
 * cursor is read strictly and kept to its list's filters, and numbered pages go only so
 * deep.
 */
@PetClinicIntegrationTest
class ListPagingIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void followingNextFromTheFirstPageReadsEveryOwnerOnceInOrder() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			// Mixed case: the order is the name ignoring case, then the id.
			String name = ((i % 2 == 0) ? "owner " : "OWNER ") + (char) ('a' + (i * 7) % 23);
			this.api.createOwner(name, "Anytown");
			names.add(name);
		}
		names.sort(Comparator.comparing((String name) -> name.toUpperCase(Locale.ROOT)));

		List<Page> pages = followAll("/api/owners?size=5");

		assertThat(pages).hasSize(5);
		assertThat(pages.stream().flatMap((page) -> page.names().stream())).containsExactlyElementsOf(names);
		assertThat(pages.get(4).next()).isNull();
		assertThat(pages.get(0).body().at("/page/number").asInt()).isZero();
		assertThat(pages.get(1).body().at("/page").has("number")).isFalse();
	}

	@Test
	void theNextLinkIsInTheLinkHeaderAndTheBodyAndKeepsTheFiltersAndTheSize() {
		for (int i = 0; i < 4; i++) {
			this.api.createOwner("Jo " + i, "Anytown");
		}
		this.api.createOwner("Mary Major", "Anytown");

		EntityExchangeResult<String> first = get("/api/owners?name=jo&size=3&sort=name,desc");
		String next = JsonMapper.shared().readTree(first.getResponseBody()).at("/page/next").asString();

		assertThat(first.getResponseHeaders().get(HttpHeaders.LINK)).containsExactly("<" + next + ">; rel=\"next\"");
		assertThat(next).startsWith("/api/owners?name=jo&size=3&sort=name,desc&cursor=");
		JsonNode second = this.api.getJson(next);
		assertThat(second.get("content").valueStream().map((owner) -> owner.get("name").asString()))
			.containsExactly("Jo 0");
		assertThat(second.at("/page").has("next")).isFalse();
	}

	@Test
	void theNextLinkKeepsAPlusSignOfTheFilterAPlusSign() {
		for (int i = 0; i < 3; i++) {
			this.api.createOwner("A+B " + i, "Anytown");
		}
		this.api.createOwner("A B 9", "Anytown");

		// URI objects: a template would encode the percent sign again.
		String next = JsonMapper.shared()
			.readTree(getExactly("/api/owners?name=a%2Bb&size=2"))
			.at("/page/next")
			.asString();

		assertThat(next).startsWith("/api/owners?name=a%2Bb&size=2&cursor=");
		assertThat(JsonMapper.shared()
			.readTree(getExactly(next))
			.get("content")
			.valueStream()
			.map((owner) -> owner.get("name").asString())).containsExactly("A+B 2");
	}

	private String getExactly(String uri) {
		return Objects.requireNonNull(this.api.http()
			.get()
			.uri(URI.create(uri))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	@Test
	void theLastPageHasNoNextLink() {
		this.api.createOwner("John Doe", "New York");

		EntityExchangeResult<String> only = get("/api/owners");

		assertThat(only.getResponseHeaders().get(HttpHeaders.LINK)).isNull();
		assertThat(JsonMapper.shared().readTree(only.getResponseBody()).at("/page").has("next")).isFalse();
	}

	@Test
	void aNumberedPageLinksToTheRowsAfterIt() {
		for (int i = 0; i < 7; i++) {
			this.api.createOwner("Owner " + i, "Anytown");
		}

		List<Page> pages = followAll("/api/owners?page=1&size=2");

		assertThat(pages.stream().flatMap((page) -> page.names().stream())).containsExactly("Owner 2", "Owner 3",
				"Owner 4", "Owner 5", "Owner 6");
		assertThat(pages.get(0).body().at("/page/number").asInt()).isOne();
	}

	@Test
	void everySortHasItsCursor() {
		UUID owner = this.api.createOwner("John Doe", "New York");
		List<String> births = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			String birth = "20%02d-0%d-01".formatted(20 - i, 1 + i % 9);
			this.api.addPet(owner, "Pet " + i, birth);
			births.add(birth);
		}
		births.sort(Comparator.reverseOrder());

		List<Page> pages = followAll("/api/pets?sort=birthDate,desc&size=4");

		assertThat(pages.stream()
			.flatMap((page) -> page.body().get("content").valueStream())
			.map((pet) -> pet.get("birthDate").asString())).containsExactlyElementsOf(births);
	}

	/**
	 * Rows inserted before the position a reader has reached are not read (they belong to
	 * pages already read), rows inserted after it are, and a deleted row is never read
	 * after its deletion: no row is read twice, none that stayed is missed, and the order
	 * holds across pages, however the writes fall between the reads.
	 */
	@Test
	void pagesStayCompleteAndInOrderWhileOwnersAreInsertedAndDeleted() throws Exception {
		Set<UUID> stayed = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			stayed.add(this.api.createOwner("Owner %03d".formatted(i * 10), "Anytown"));
		}
		List<UUID> doomed = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			doomed.add(this.api.createOwner("Owner %03d".formatted(i * 20 + 5), "Anytown"));
		}
		AtomicBoolean reading = new AtomicBoolean(true);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<Integer> writes = writer.submit(() -> {
			int count = 0;
			for (int i = 0; reading.get() && i < 200; i++) {
				this.api.createOwner("Owner %03d".formatted((i * 37) % 600 + 1), "Elsewhere");
				if (i < doomed.size()) {
					this.api.http()
						.delete()
						.uri("/api/owners/{id}", doomed.get(i))
						.exchange()
						.expectStatus()
						.isNoContent();
				}
				count++;
			}
			return count;
		});
		List<JsonNode> read = new ArrayList<>();
		try {
			for (Page page : followAll("/api/owners?size=4")) {
				page.body().get("content").forEach(read::add);
			}
		}
		finally {
			reading.set(false);
			assertThat(writes.get()).isPositive();
			writer.shutdown();
		}

		List<UUID> ids = read.stream().map((owner) -> UUID.fromString(owner.get("id").asString())).toList();
		assertThat(ids).doesNotHaveDuplicates().containsAll(stayed);
		assertThat(read).isSortedAccordingTo(
				Comparator.comparing((JsonNode owner) -> owner.get("name").asString().toUpperCase(Locale.ROOT))
					.thenComparing((owner) -> UUID.fromString(owner.get("id").asString()).toString()));
	}

	@Test
	void aCursorThatIsNotOneOfTheListsIsABadRequest() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Mary Major", "Anytown");
		String ownersCursor = cursorOf(get("/api/owners?size=1"));
		UUID owner = this.api.createOwner("Jane Roe", "Springfield");
		this.api.addPet(owner, "Pet1", "2006-10-25");
		this.api.addPet(owner, "Pet2", "2021-07-23");
		String petsCursor = cursorOf(get("/api/pets?size=1"));
		String json = new String(Base64.getUrlDecoder().decode(ownersCursor), StandardCharsets.UTF_8);

		for (String cursor : List.of("garbage!", "bm90IGpzb24", encode("[1, 2]"), encode("{}"),
				encode(json.replace("\"v\":2", "\"v\":1")), encode(json.replace("\"v\":2", "\"v\":\"2\"")),
				encode(json.replaceFirst("\"filter\":\"[^\"]*\"", "\"filter\":\"other\"")),
				encode(json.replaceFirst("\"key\":\\[\"[^\"]*\"", "\"key\":[7")),
				encode(json.replaceFirst(",\"[0-9a-f-]{36}\"]", ",\"not-an-id\"]")),
				encode(json.replaceFirst("\"dir\":\"asc\"", "\"dir\":\"up\"")),
				encode(json.replaceFirst("\"sort\":\"name\"", "\"sort\":\"telephone\"")),
				encode(json.replace("}", ",\"more\":1}")), encode(json.replace("JOHN DOE", "JOHN\u0000")), petsCursor,
				"x".repeat(1_001))) {
			expectProblem(this.api.http().get().uri("/api/owners?cursor={cursor}", cursor).exchange(),
					HttpStatus.BAD_REQUEST)
				.jsonPath("$.errors[0].field")
				.isEqualTo("cursor")
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).startsWith("The cursor ")
					.endsWith("start again from the first page (without cursor) and follow its next link"));
		}
	}

	@Test
	void aCursorKeepsItsOrder() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Mary Major", "Anytown");
		String cursor = cursorOf(get("/api/owners?size=1&sort=city"));

		expectProblem(this.api.http().get().uri("/api/owners?sort=name&cursor={cursor}", cursor).exchange(),
				HttpStatus.BAD_REQUEST)
			.jsonPath("$.errors[0].field")
			.isEqualTo("sort")
			.jsonPath("$.detail")
			.isEqualTo("The cursor continues the order city,asc; give that sort or none");
		assertThat(this.api.getJson("/api/owners?sort=city,asc&cursor=" + cursor).at("/content/0/name").asString())
			.isEqualTo("John Doe");
		expectProblem(this.api.http().get().uri("/api/owners?page=1&cursor={cursor}", cursor).exchange(),
				HttpStatus.BAD_REQUEST)
			.jsonPath("$.errors[0].field")
			.isEqualTo("page");
	}

	@Test
	void aCursorKeepsItsFilters() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Joan Roe", "Anytown");
		this.api.createOwner("Mary Major", "Anytown");
		String cursor = cursorOf(get("/api/owners?name=jo&size=1"));

		for (String other : List.of("/api/owners?name=ma&cursor={cursor}", "/api/owners?cursor={cursor}",
				"/api/owners?name=jo&name=ma&cursor={cursor}")) {
			expectProblem(this.api.http().get().uri(other, cursor).exchange(), HttpStatus.BAD_REQUEST)
				.jsonPath("$.errors[0].field")
				.isEqualTo("cursor")
				.jsonPath("$.detail")
				.isEqualTo("The cursor continues the list with other filters than this request's; start again "
						+ "from the first page (without cursor) and follow its next link");
		}
		// The page's size and its totals are the reader's to change on the way.
		assertThat(this.api.getJson("/api/owners?name=jo&size=5&totals=true&cursor=" + cursor)
			.at("/content/0/name")
			.asString()).isEqualTo("John Doe");
	}

	@Test
	void aListIsSortedByOnePropertyAtATime() {
		expectProblem(this.api.http().get().uri("/api/owners?sort=city&sort=name").exchange(), HttpStatus.BAD_REQUEST)
			.jsonPath("$.detail")
			.isEqualTo("A list is sorted by one property at a time, each by an index of its own; "
					+ "sortable properties are [name, city]");
	}

	@Test
	void numberedPagesGoTenThousandRowsDeepAndThenPointToTheCursor() {
		this.api.getJson("/api/owners?page=100&size=100");
		this.api.getJson("/api/owners?page=500");

		expectProblem(this.api.http().get().uri("/api/owners?page=501").exchange(), HttpStatus.BAD_REQUEST)
			.jsonPath("$.errors[0].field")
			.isEqualTo("page")
			.jsonPath("$.detail")
			.isEqualTo("Page 501 of size 20 would skip 10,020 rows; numbered pages skip at most 10,000. "
					+ "Follow the next link of a page (its cursor) to read further");
	}

	@Test
	void totalsAreCountedOnlyWhenAskedFor() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Mary Major", "Anytown");

		assertThat(this.api.getJson("/api/owners?size=1").get("page").propertyNames()).containsExactly("size", "number",
				"next");
		JsonNode counted = this.api.getJson("/api/owners?size=1&totals=true").get("page");
		assertThat(counted.get("totalElements").asInt()).isEqualTo(2);
		assertThat(counted.get("totalPages").asInt()).isEqualTo(2);
		assertThat(counted.get("next").asString()).doesNotContain("totals");
	}

	private List<Page> followAll(String first) {
		List<Page> pages = new ArrayList<>();
		String uri = first;
		while (uri != null) {
			assertThat(pages).as("pages read").hasSizeLessThan(100);
			JsonNode body = this.api.getJson(uri);
			String next = body.at("/page").has("next") ? body.at("/page/next").asString() : null;
			pages.add(new Page(body, next));
			uri = next;
		}
		return pages;
	}

	private EntityExchangeResult<String> get(String uri) {
		return this.api.http().get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
	}

	private static String cursorOf(EntityExchangeResult<String> page) {
		String next = JsonMapper.shared().readTree(page.getResponseBody()).at("/page/next").asString();
		return next.substring(next.indexOf("cursor=") + "cursor=".length());
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	record Page(JsonNode body, @Nullable String next) {

		List<String> names() {
			return this.body.get("content").valueStream().map((row) -> row.get("name").asString()).toList();
		}

	}

}

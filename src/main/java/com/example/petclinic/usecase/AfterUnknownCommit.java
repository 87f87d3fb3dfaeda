package com.example.petclinic.usecase;

/**
 * What a write use case does when its connection broke while its {@code COMMIT} was on
 * the way, so that the change may or may not be stored. It is never repeated blindly,
 * which could store it twice: each way below is safe for the use cases that declare it,
 * and what the client is told is always true.
 */
public enum AfterUnknownCommit {

	/**
	 * The client is told so ({@code 503}, saying the outcome is unknown) and reads the
	 * resource to find out. For a change whose repetition the data cannot tell from
	 * another client's, such as creating a specialty, which is named by the client.
	 */
	ANSWER_UNKNOWN,

	/**
	 * Repeated. A create whose id was chosen before the transaction, so that the repeat
	 * inserts the same row: either it stores it (the first attempt did not), or the row's
	 * primary key is already taken, by the first attempt, whose result is then the
	 * answer.
	 */
	REPEAT_CREATE,

	/**
	 * Repeated. A replacement ({@code PUT}) is idempotent; if the repeat's precondition
	 * fails only because the resource already is exactly what the first attempt made it,
	 * that attempt was stored and its result is the answer.
	 */
	REPEAT_REPLACE,

	/**
	 * Repeated. A deletion is idempotent; if the resource is already gone, it was
	 * deleted.
	 */
	REPEAT_DELETE

}

/**
 * Cross-cutting HTTP concerns: RFC 9457 problem responses (also for requests Tomcat
 * refuses), the exceptions that map to them, paging parameters.
 */
@NullMarked
package com.example.petclinic.web;

import org.jspecify.annotations.NullMarked;

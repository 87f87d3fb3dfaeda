/**
 * One-shot commands of the packaged jar that mirror the AWS sample's scripts:
 * {@code migrate-up}, {@code migrate-down} and {@code sample}. They run without the web
 * server, on whatever database the service is configured for, and exit.
 */
@NullMarked
package com.example.petclinic.command;

import org.jspecify.annotations.NullMarked;

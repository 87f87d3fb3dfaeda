/**
 * Reading a list one window at a time, in the order of an index: the keyset window that
 * Spring Data's {@code ScrollPosition} and {@code Window} describe, with the bound that
 * lets the database start it with one index descent. Shared by the modules' services;
 * knows no module and nothing of HTTP.
 */
@NullMarked
package com.example.petclinic.listing;

import org.jspecify.annotations.NullMarked;

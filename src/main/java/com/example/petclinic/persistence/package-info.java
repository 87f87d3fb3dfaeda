/**
 * What the modules' entities share.
 */
@NullMarked
package com.example.petclinic.persistence;

import org.jspecify.annotations.NullMarked;

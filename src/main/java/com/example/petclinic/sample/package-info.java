@NullMarked
package com.example.petclinic.sample;

import org.jspecify.annotations.NullMarked;

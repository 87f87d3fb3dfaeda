@NullMarked
package com.example.petclinic.owner;

import org.jspecify.annotations.NullMarked;

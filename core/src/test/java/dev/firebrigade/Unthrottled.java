package dev.firebrigade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link SandboxFixture} class: neither the sandbox nor the client applies a rate limit. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Unthrottled {
}

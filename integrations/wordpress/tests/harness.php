<?php
/**
 * Test registration and assertions for run.php. Any PHP notice, warning or deprecation during a
 * test fails that test, and so does a _doing_it_wrong() from WordPress (WP_DEBUG is on).
 *
 * @package MpCheckout
 */

/** An assertion that did not hold. */
final class MP_Test_Failure extends Exception {
}

$GLOBALS['mp_tests'] = array();

/**
 * Registers a test.
 *
 * @param string   $name Name, as it should read in the output.
 * @param callable $body The test.
 */
function test( $name, $body ) {
	$GLOBALS['mp_tests'][] = array( $name, $body );
}

set_error_handler(
	static function ( $level, $message, $file, $line ) {
		throw new ErrorException( $message, 0, $level, $file, $line );
	}
);

/**
 * Runs the registered tests and prints one line per test, then `# counts passed=N failed=N`.
 */
function mp_test_run_registered() {
	$passed = 0;
	$failed = 0;
	foreach ( $GLOBALS['mp_tests'] as list( $name, $body ) ) {
		if ( function_exists( 'mp_test_reset_state' ) ) {
			mp_test_reset_state();
		}
		$level = ob_get_level();
		try {
			$body();
			if ( ob_get_level() !== $level ) {
				throw new MP_Test_Failure( 'the test left output buffering on' );
			}
			echo "ok - $name\n";
			++$passed;
		} catch ( Throwable $error ) {
			while ( ob_get_level() > $level ) {
				ob_end_clean();
			}
			$where = $error instanceof MP_Test_Failure ? '' : sprintf( ' (%s at %s:%d)', get_class( $error ), $error->getFile(), $error->getLine() );
			echo "not ok - $name\n    " . str_replace( "\n", "\n    ", $error->getMessage() ) . $where . "\n";
			++$failed;
		}
	}
	echo "# counts passed=$passed failed=$failed\n";
}

/**
 * A short, readable rendering of a value for failure messages (huge strings are cut).
 *
 * @param mixed $value Value.
 * @return string
 */
function mp_test_show( $value ) {
	$text = var_export( $value, true );
	return strlen( $text ) > 600 ? substr( $text, 0, 300 ) . ' … ' . substr( $text, -200 ) . ' (' . strlen( $text ) . ' bytes)' : $text;
}

/**
 * Fails unless $actual === $expected.
 *
 * @param mixed  $expected Expected.
 * @param mixed  $actual   Actual.
 * @param string $what     What is compared.
 */
function assert_same( $expected, $actual, $what = '' ) {
	if ( $expected !== $actual ) {
		throw new MP_Test_Failure( ( '' !== $what ? "$what: " : '' ) . 'expected ' . mp_test_show( $expected ) . "\n     got " . mp_test_show( $actual ) );
	}
}

/**
 * Fails unless $condition is true.
 *
 * @param bool   $condition Condition.
 * @param string $what      What should hold.
 */
function assert_true( $condition, $what ) {
	if ( true !== $condition ) {
		throw new MP_Test_Failure( $what );
	}
}

/**
 * Fails unless $haystack contains $needle.
 *
 * @param string $needle   Expected part.
 * @param string $haystack Text.
 * @param string $what     What is checked.
 */
function assert_contains( $needle, $haystack, $what = '' ) {
	if ( false === strpos( (string) $haystack, $needle ) ) {
		throw new MP_Test_Failure( ( '' !== $what ? "$what: " : '' ) . mp_test_show( $needle ) . ' not found in ' . mp_test_show( $haystack ) );
	}
}

/**
 * Fails if $haystack contains $needle (case-insensitive).
 *
 * @param string $needle   Forbidden part.
 * @param string $haystack Text.
 * @param string $what     What is checked.
 */
function assert_not_contains( $needle, $haystack, $what = '' ) {
	if ( false !== stripos( (string) $haystack, $needle ) ) {
		throw new MP_Test_Failure( ( '' !== $what ? "$what: " : '' ) . mp_test_show( $needle ) . ' found in ' . mp_test_show( $haystack ) );
	}
}

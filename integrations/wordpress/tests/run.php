<?php
/**
 * A small test runner for the plugin, on PHP's CLI.
 *
 *     php integrations/wordpress/tests/run.php              # every *-test.php file
 *     php integrations/wordpress/tests/run.php shortcode    # files whose name contains "shortcode"
 *
 * Each test file runs in its own PHP process: WordPress keeps global state, PHP cannot undefine a
 * function, and one file (script-modules-test.php) must define WordPress 6.5's module API before the
 * plugin loads. The last line is `N passed, N failed`; the exit code is 1 when anything failed, when
 * a file died outside a test, or when no test ran at all.
 *
 * @package MpCheckout
 */

if ( isset( $argv[1] ) && '--file' === $argv[1] ) {
	// Child: the file registers its tests with test() (harness.php) and runs them on exit.
	require __DIR__ . '/harness.php';
	require $argv[2];
	mp_test_run_registered();
	exit( 0 );
}

$filter = isset( $argv[1] ) ? $argv[1] : '';
$files  = glob( __DIR__ . '/*-test.php' );
sort( $files );
$files = array_values(
	array_filter(
		$files,
		static function ( $file ) use ( $filter ) {
			return '' === $filter || false !== strpos( basename( $file ), $filter );
		}
	)
);

$passed = 0;
$failed = 0;
foreach ( $files as $file ) {
	echo "\n# " . basename( $file ) . "\n";
	$process = proc_open(
		array( PHP_BINARY, '-d', 'display_errors=stderr', __FILE__, '--file', $file ),
		array(
			1 => array( 'pipe', 'w' ),
			2 => array( 'pipe', 'w' ),
		),
		$pipes
	);
	$stdout = stream_get_contents( $pipes[1] );
	$stderr = stream_get_contents( $pipes[2] );
	fclose( $pipes[1] );
	fclose( $pipes[2] );
	$status = proc_close( $process );

	$counted = preg_match( '/^# counts passed=(\d+) failed=(\d+)$/m', $stdout, $match );
	echo preg_replace( '/^# counts .*\R?/m', '', $stdout );
	if ( '' !== trim( $stderr ) ) {
		echo $stderr;
	}
	if ( $counted ) {
		$passed += (int) $match[1];
		$failed += (int) $match[2];
	}
	// A file that died (fatal error, exit) before reporting, or exited badly, is one more failure.
	if ( ! $counted || 0 !== $status ) {
		echo 'not ok - ' . basename( $file ) . " stopped outside a test (exit $status)\n";
		++$failed;
	}
}

if ( 0 === $passed + $failed ) {
	echo "no test ran\n";
	$failed = 1;
}
echo "\n{$passed} passed, {$failed} failed\n";
exit( $failed > 0 ? 1 : 0 );

<?php
/**
 * The MP_CHECKOUT_SCRIPT_URL constant (wp-config.php) wins over the setting. Its own process, since
 * a constant cannot be undefined.
 *
 * @package MpCheckout
 */

define( 'MP_CHECKOUT_SCRIPT_URL', 'https://pinned.example/mp-checkout@0.1.0/dist/mp-checkout.js' );

require __DIR__ . '/bootstrap.php';

test(
	'the constant wins over the setting, for the page and in the checklist',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render();
		assert_same( 'https://pinned.example/mp-checkout@0.1.0/dist/mp-checkout.js', wp_scripts()->query( 'mp-checkout' )->src, 'enqueued URL' );
		$row = array_values( wp_list_filter( mp_checkout_checklist(), array( 'title' => 'Element script' ) ) )[0];
		assert_same( 'ok', $row['status'], 'status' );
		assert_contains( 'https://pinned.example/', $row['detail'], 'detail' );
	}
);

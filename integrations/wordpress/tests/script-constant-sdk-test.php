<?php
/**
 * A constant pointing at MercadoPago.js is refused: the constant skips the settings sanitizer, and
 * requirement R1 forbids the page from loading MercadoPago.js any other way than the element does.
 *
 * @package MpCheckout
 */

define( 'MP_CHECKOUT_SCRIPT_URL', 'https://sdk.mercadopago.com/js/v2' );

require __DIR__ . '/bootstrap.php';

test(
	'nothing is enqueued and the checklist says why',
	static function () {
		mp_checkout_render( array( 'amount' => '1' ) );
		assert_true( ! wp_script_is( 'mp-checkout', 'registered' ), 'not registered' );
		$row = array_values( wp_list_filter( mp_checkout_checklist(), array( 'title' => 'Element script' ) ) )[0];
		assert_same( array( 'R1', 'problem' ), array( $row['id'], $row['status'] ), 'checklist' );
	}
);

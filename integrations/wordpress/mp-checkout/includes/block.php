<?php
/**
 * The "Mercado Pago checkout" block: dynamic (rendered on the server by mp_checkout_render()), with
 * a small editor script that needs no build step.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the editor script and the block from block/block.json.
 */
function mp_checkout_register_block() {
	wp_register_script(
		'mp-checkout-block-editor',
		plugins_url( 'block/editor.js', MP_CHECKOUT_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		MP_CHECKOUT_VERSION,
		true
	);
	wp_set_script_translations( 'mp-checkout-block-editor', 'mp-checkout', MP_CHECKOUT_DIR . '/languages' );

	register_block_type(
		MP_CHECKOUT_DIR . '/block',
		array( 'render_callback' => 'mp_checkout_render_block' )
	);
}

/**
 * Block render callback. The block's attributes are the element's properties in camelCase
 * (`payerEmail`), which mp_checkout_author_attributes() maps to the tag's attributes.
 *
 * @param array $attributes Block attributes.
 * @return string HTML.
 */
function mp_checkout_render_block( $attributes ) {
	return mp_checkout_render( is_array( $attributes ) ? $attributes : array() );
}

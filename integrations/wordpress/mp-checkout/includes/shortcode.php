<?php
/**
 * The [mp_checkout] shortcode.
 *
 *     [mp_checkout amount="1500.50" description="Mate" payer-email="ana@example.com"]
 *     [mp_checkout amount="1500.50"][{"id":"mate","title":"Mate","quantity":1,"unit_price":1500.5}][/mp_checkout]
 *
 * `items` is the enclosed content: a JSON array cannot be an attribute, because WordPress's shortcode
 * parser ends the tag at the first `]`.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the shortcode, and keeps wptexturize() away from its content: curly quotes would
 * break the JSON.
 */
function mp_checkout_register_shortcode() {
	add_shortcode( 'mp_checkout', 'mp_checkout_shortcode' );
	add_filter( 'no_texturize_shortcodes', 'mp_checkout_no_texturize' );
}

/**
 * `no_texturize_shortcodes` filter.
 *
 * @param string[] $shortcodes Shortcodes whose content is left alone.
 * @return string[]
 */
function mp_checkout_no_texturize( $shortcodes ) {
	$shortcodes[] = 'mp_checkout';
	return $shortcodes;
}

/**
 * Shortcode callback.
 *
 * @param array|string $atts    Attributes ('' when there are none).
 * @param string|null  $content Enclosed content: the items' JSON.
 * @return string HTML.
 */
function mp_checkout_shortcode( $atts, $content = null ) {
	$input = is_array( $atts ) ? $atts : array();
	if ( null !== $content && '' !== trim( $content ) ) {
		$input['items'] = mp_checkout_unautop( $content );
	}
	return mp_checkout_render( $input );
}

/**
 * Undoes what wpautop() (which runs before shortcodes on post content) adds inside enclosed content:
 * paragraph tags and line breaks, so a JSON array written over several lines still parses.
 *
 * @param string $content Enclosed content.
 * @return string
 */
function mp_checkout_unautop( $content ) {
	return trim( preg_replace( '#</?p>|<br\s*/?>#i', '', $content ) );
}

<?php
/**
 * Loading the element: dist/mp-checkout.js of the mp-checkout package, as an ES module.
 *
 * The plugin never loads MercadoPago.js: the element loads it from https://sdk.mercadopago.com/js/v2
 * itself, and Mercado Pago's requirement R1 forbids serving a copy.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const MP_CHECKOUT_SCRIPT_HANDLE = 'mp-checkout';

/**
 * Where the element's script comes from, first match wins:
 * 1. the MP_CHECKOUT_SCRIPT_URL constant (wp-config.php), for sites that pin it in code;
 * 2. the "Script URL" setting;
 * 3. a copy of the package's dist/ inside the plugin folder (dist/mp-checkout.js).
 *
 * @return array{url: string, source: string} source is 'constant', 'setting', 'bundled' or 'none'.
 */
function mp_checkout_script_source() {
	if ( defined( 'MP_CHECKOUT_SCRIPT_URL' ) && is_string( MP_CHECKOUT_SCRIPT_URL ) && '' !== MP_CHECKOUT_SCRIPT_URL ) {
		return array(
			'url'    => MP_CHECKOUT_SCRIPT_URL,
			'source' => 'constant',
		);
	}
	$settings = mp_checkout_get_settings();
	if ( '' !== $settings['script_url'] ) {
		return array(
			'url'    => $settings['script_url'],
			'source' => 'setting',
		);
	}
	if ( file_exists( MP_CHECKOUT_DIR . '/dist/mp-checkout.js' ) ) {
		return array(
			'url'    => plugins_url( 'dist/mp-checkout.js', MP_CHECKOUT_FILE ),
			'source' => 'bundled',
		);
	}
	return array(
		'url'    => '',
		'source' => 'none',
	);
}

/**
 * Enqueues the element's script for this page. Called while a shortcode or block renders, so pages
 * without a checkout load nothing. Safe to call more than once.
 *
 * WordPress 6.5+ has script modules (wp_enqueue_script_module); older versions get a classic
 * enqueue whose tag mp_checkout_module_script_tag() turns into `type="module"`.
 *
 * @return bool Whether a script was enqueued (false when no URL is configured or it is refused).
 */
function mp_checkout_enqueue_element() {
	$source = mp_checkout_script_source();
	$url    = $source['url'];
	// The constant bypasses the settings sanitizer, so refuse MercadoPago.js here too.
	if ( '' === $url || mp_checkout_is_mercadopago_sdk_url( $url ) ) {
		return false;
	}
	// The bundled copy changes with the plugin, so its URL carries the plugin version for caches;
	// a URL chosen by the merchant is used exactly as given.
	$version = 'bundled' === $source['source'] ? MP_CHECKOUT_VERSION : null;

	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( MP_CHECKOUT_SCRIPT_HANDLE, $url, array(), $version );
		return true;
	}

	if ( ! has_filter( 'script_loader_tag', 'mp_checkout_module_script_tag' ) ) {
		add_filter( 'script_loader_tag', 'mp_checkout_module_script_tag', 10, 2 );
	}
	// In the footer: the element upgrades the tags already in the page whenever it is defined.
	wp_enqueue_script( MP_CHECKOUT_SCRIPT_HANDLE, $url, array(), $version, true );
	return true;
}

/**
 * `script_loader_tag` filter: the element's bundle is an ES module and fails as a classic script.
 * Removes any `type` WordPress wrote (`text/javascript` for themes without html5 script support)
 * and adds `type="module"`.
 *
 * @param string $tag    The <script> tag(s) for the handle.
 * @param string $handle Script handle.
 * @return string
 */
function mp_checkout_module_script_tag( $tag, $handle ) {
	if ( MP_CHECKOUT_SCRIPT_HANDLE !== $handle ) {
		return $tag;
	}
	// Only the tag that loads the file (it has the handle's id); an inline "before/after" script
	// printed with it must stay classic.
	$id = preg_quote( MP_CHECKOUT_SCRIPT_HANDLE . '-js', '/' );
	return preg_replace_callback(
		'/<script\b([^>]*\bid=([\'"])' . $id . '\2[^>]*)>/i',
		static function ( $match ) {
			$attributes = preg_replace( '/\s+type=([\'"])[^\'"]*\1/i', '', $match[1] );
			return '<script type="module"' . $attributes . '>';
		},
		$tag
	);
}

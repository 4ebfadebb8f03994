<?php
/**
 * Plugin Name:       Mercado Pago checkout (mp-checkout)
 * Description:       Card payments through Mercado Pago's Checkout API with the <mp-checkout> web component: a shortcode, a block, settings and the production checklist.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       mp-checkout
 * Domain Path:       /languages
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit; // Only WordPress may load this file.
}

define( 'MP_CHECKOUT_VERSION', '0.1.0' );
define( 'MP_CHECKOUT_FILE', __FILE__ );
define( 'MP_CHECKOUT_DIR', __DIR__ );

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/checklist.php';
require_once __DIR__ . '/includes/admin.php';

add_action( 'init', 'mp_checkout_load_textdomain' );
add_action( 'init', 'mp_checkout_register_settings' );
add_action( 'init', 'mp_checkout_register_shortcode' );
add_action( 'init', 'mp_checkout_register_block' );
add_action( 'admin_menu', 'mp_checkout_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'mp_checkout_plugin_action_links' );
add_filter( 'load_textdomain_mofile', 'mp_checkout_translation_fallback', 10, 2 );
add_filter( 'load_script_translation_file', 'mp_checkout_script_translation_fallback', 10, 3 );

/**
 * Loads the plugin's translations (English is the source language).
 */
function mp_checkout_load_textdomain() {
	load_plugin_textdomain( 'mp-checkout', false, dirname( plugin_basename( MP_CHECKOUT_FILE ) ) . '/languages' );
}

/**
 * The translation file for a locale the plugin has no file of its own for: any Spanish (es_AR,
 * es_MX, es_ES…) reads languages/mp-checkout-es.mo, any Portuguese pt_BR's. WordPress has no such
 * fallback, and Mercado Pago's countries use half a dozen Spanish locales.
 *
 * @param string $file   Path WordPress is about to read.
 * @param string $suffix What follows the locale in the file name ('.mo' or '-<handle>.json').
 * @return string The path to read.
 */
function mp_checkout_translation_fallback_file( $file, $suffix ) {
	if ( ! is_string( $file ) || is_readable( $file ) ) {
		return $file;
	}
	$pattern = '/^mp-checkout-(es|pt)_[A-Za-z0-9_]+' . preg_quote( $suffix, '/' ) . '$/';
	if ( ! preg_match( $pattern, basename( $file ), $match ) ) {
		return $file;
	}
	$fallback = dirname( $file ) . '/mp-checkout-' . ( 'es' === $match[1] ? 'es' : 'pt_BR' ) . $suffix;
	return is_readable( $fallback ) ? $fallback : $file;
}

/**
 * `load_textdomain_mofile` filter: see mp_checkout_translation_fallback_file().
 *
 * @param string $mofile Path of the .mo file.
 * @param string $domain Text domain.
 * @return string
 */
function mp_checkout_translation_fallback( $mofile, $domain ) {
	return 'mp-checkout' === $domain ? mp_checkout_translation_fallback_file( $mofile, '.mo' ) : $mofile;
}

/**
 * `load_script_translation_file` filter, for the block editor script's JSON translations.
 *
 * @param string|false $file   Path of the JSON file.
 * @param string       $handle Script handle.
 * @param string       $domain Text domain.
 * @return string|false
 */
function mp_checkout_script_translation_fallback( $file, $handle, $domain ) {
	return 'mp-checkout' === $domain ? mp_checkout_translation_fallback_file( $file, '-' . $handle . '.json' ) : $file;
}

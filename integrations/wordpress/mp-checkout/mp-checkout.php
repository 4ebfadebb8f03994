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

/**
 * Loads the plugin's translations (English is the source language).
 */
function mp_checkout_load_textdomain() {
	load_plugin_textdomain( 'mp-checkout', false, dirname( plugin_basename( MP_CHECKOUT_FILE ) ) . '/languages' );
}

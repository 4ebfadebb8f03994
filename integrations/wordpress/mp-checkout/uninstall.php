<?php
/**
 * Deleting the plugin from the Plugins screen removes its settings; nothing else is stored.
 *
 * @package MpCheckout
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'mp_checkout_settings' );

<?php
/**
 * Loading the element on WordPress 6.5+, with script modules.
 *
 * Debian's WordPress (6.1) has no script modules, so this file defines wp_enqueue_script_module()
 * before WordPress and the plugin load: a recording double with the signature of WordPress 6.5's
 * function (wp-includes/script-modules.php: $id, $src = '', $deps = array(), $version = false).
 * It proves which API the plugin calls and with what; that WordPress then prints
 * <script type="module"> is WordPress's part.
 *
 * @package MpCheckout
 */

$GLOBALS['mp_test_module_calls'] = array();

/**
 * Double of WordPress 6.5's wp_enqueue_script_module().
 *
 * @param string            $id      Module id.
 * @param string            $src     URL.
 * @param array             $deps    Dependencies.
 * @param string|false|null $version Version; null adds none.
 */
function wp_enqueue_script_module( string $id, string $src = '', array $deps = array(), $version = false ) {
	$GLOBALS['mp_test_module_calls'][] = array( $id, $src, $deps, $version );
}

require __DIR__ . '/bootstrap.php';

test(
	'with script modules the element is enqueued as a module, and not as a classic script',
	static function () {
		$GLOBALS['mp_test_module_calls'] = array();
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render( array( 'amount' => '1' ) );
		assert_same( array( array( 'mp-checkout', 'https://cdn.example/mp-checkout.js', array(), null ) ), $GLOBALS['mp_test_module_calls'], 'module calls' );
		assert_true( ! wp_script_is( 'mp-checkout', 'registered' ), 'no classic script' );
		assert_true( ! has_filter( 'script_loader_tag', 'mp_checkout_module_script_tag' ), 'no tag filter' );
	}
);

test(
	'the bundled copy is enqueued with the plugin version; no URL enqueues nothing',
	static function () {
		$GLOBALS['mp_test_module_calls'] = array();
		mp_checkout_render();
		assert_same( array(), $GLOBALS['mp_test_module_calls'], 'no URL' );

		mkdir( MP_CHECKOUT_DIR . '/dist' );
		file_put_contents( MP_CHECKOUT_DIR . '/dist/mp-checkout.js', '// the element' );
		mp_checkout_render();
		mp_test_remove_tree( MP_CHECKOUT_DIR . '/dist' );
		assert_same( array( array( 'mp-checkout', 'https://shop.example/wp-content/plugins/mp-checkout/dist/mp-checkout.js', array(), '0.1.0' ) ), $GLOBALS['mp_test_module_calls'], 'module calls' );
	}
);

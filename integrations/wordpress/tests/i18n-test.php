<?php
/**
 * Translations: the .pot holds every string of the code, each .po translates all of them with the
 * same placeholders, the compiled files match the .po files, and WordPress loads them.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';
require dirname( __DIR__ ) . '/tools/i18n.php';

// WordPress 6.1's po.php sets auto_detect_line_endings when it loads, which PHP 8.1+ reports as
// deprecated: a notice of WordPress's file, so only that one is let through, only here.
set_error_handler(
	static function ( $level, $message ) {
		return E_DEPRECATED === $level && false !== strpos( $message, 'auto_detect_line_endings' );
	},
	E_DEPRECATED
);
mp_i18n_load_pomo();
restore_error_handler();

/**
 * Loads the plugin's translations for a locale, as WordPress does on init.
 *
 * @param string $locale WordPress locale.
 */
function mp_test_use_locale( $locale ) {
	remove_all_filters( 'pre_determine_locale' );
	add_filter(
		'pre_determine_locale',
		static function () use ( $locale ) {
			return $locale;
		}
	);
	unload_textdomain( 'mp-checkout' );
	mp_checkout_load_textdomain();
}

test(
	'the generated .pot, .po, .mo and .json files are up to date (php integrations/wordpress/tools/i18n.php)',
	static function () {
		$files = mp_i18n_generated_files();
		assert_true( count( $files ) >= 7, 'the .pot plus three files per language' );
		foreach ( $files as $path => $contents ) {
			$name = str_replace( WP_PLUGIN_DIR . '/', '', $path );
			assert_true( is_file( $path ), "$name exists" );
			assert_true( file_get_contents( $path ) === $contents, "$name is what tools/i18n.php makes from the code and the .po files" );
		}
	}
);

test(
	'the extraction finds the strings of PHP, the editor script and block.json',
	static function () {
		$strings = mp_i18n_extract();
		assert_true( isset( $strings['Public key'] ), 'PHP: Public key' );
		assert_true( isset( $strings["Decimal with a dot, in the site's currency (whole numbers for CLP and COP). Your server must check it again."] ), 'JS with an escaped quote' );
		assert_true( $strings['Amount']['js'], 'Amount is used by the editor script' );
		assert_same( 'translators: %s: endpoint URL.', $strings['Set: %s.']['comment'], 'translators comment' );
		assert_true( isset( $strings[ "block title\4Mercado Pago checkout" ] ), 'block title with its context' );
	}
);

test(
	'every language translates every string, keeping the placeholders',
	static function () {
		$strings = mp_i18n_extract();
		$files   = glob( MP_CHECKOUT_DIR . '/languages/mp-checkout-*.po' );
		assert_same( array( 'mp-checkout-es.po', 'mp-checkout-pt_BR.po' ), array_map( 'basename', $files ), 'languages' );
		foreach ( $files as $file ) {
			$po = new PO();
			$po->import_from_file( $file );
			foreach ( $strings as $key => $string ) {
				$translation = isset( $po->entries[ $key ] ) ? (string) reset( $po->entries[ $key ]->translations ) : '';
				assert_true( '' !== $translation, basename( $file ) . ' translates ' . $string['singular'] );
				preg_match_all( '/%(?:\d+\$)?[sd]/', $string['singular'], $expected );
				preg_match_all( '/%(?:\d+\$)?[sd]/', $translation, $found );
				sort( $expected[0] );
				sort( $found[0] );
				assert_same( $expected[0], $found[0], basename( $file ) . ' placeholders of ' . $string['singular'] );
			}
		}
	}
);

test(
	'WordPress loads Spanish for every Spanish locale, Portuguese for pt_BR, and English otherwise',
	static function () {
		foreach ( array( 'es_AR', 'es_MX', 'es_CO', 'es_CL', 'es_PE', 'es_UY', 'es_ES' ) as $locale ) {
			mp_test_use_locale( $locale );
			assert_same( 'Clave pública', __( 'Public key', 'mp-checkout' ), $locale );
		}
		mp_test_use_locale( 'pt_BR' );
		assert_same( 'Chave pública', __( 'Public key', 'mp-checkout' ), 'pt_BR' );
		assert_same( 'Checkout do Mercado Pago', translate_with_gettext_context( 'Mercado Pago checkout', 'block title', 'mp-checkout' ), 'block title' );
		mp_test_use_locale( 'de_DE' );
		assert_same( 'Public key', __( 'Public key', 'mp-checkout' ), 'de_DE' );
	}
);

test(
	'the checklist is translated, placeholders filled',
	static function () {
		mp_test_use_locale( 'es_AR' );
		mp_test_set_option( 'mp_checkout_settings', array( 'action' => '/pagar' ) );
		$row = array_values( wp_list_filter( mp_checkout_checklist(), array( 'title' => 'Endpoint de pago' ) ) )[0];
		assert_same( 'Definido: /pagar.', $row['detail'], 'detail' );
		mp_test_use_locale( 'en_US' );
	}
);

test(
	'the block editor gets its JSON translations for any Spanish locale',
	static function () {
		foreach ( array( 'es_AR' => 'Monto', 'pt_BR' => 'Valor' ) as $locale => $amount ) {
			mp_test_use_locale( $locale );
			$json = load_script_textdomain( 'mp-checkout-block-editor', 'mp-checkout', MP_CHECKOUT_DIR . '/languages' );
			assert_true( is_string( $json ), "$locale JSON found" );
			assert_same( array( $amount ), json_decode( $json, true )['locale_data']['messages']['Amount'], "$locale Amount" );
		}
		mp_test_use_locale( 'fr_FR' );
		assert_same( false, load_script_textdomain( 'mp-checkout-block-editor', 'mp-checkout', MP_CHECKOUT_DIR . '/languages' ), 'fr_FR has none' );
	}
);

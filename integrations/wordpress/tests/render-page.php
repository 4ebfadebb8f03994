<?php
/**
 * Prints a whole page as the plugin makes it, for the end-to-end test in the browser
 * (test/e2e/wordpress.e2e.test.ts): the post content through the_content's filters, then the
 * scripts WordPress prints in the footer.
 *
 *     php render-page.php '<settings JSON>' '<post content>' ['<block attributes JSON>']
 *
 * With block attributes, the block is appended to the content serialized by WordPress's
 * serialize_block(), as the editor saves it.
 *
 * Not a *-test.php file: run.php does not pick it up.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

$settings = json_decode( $argv[1], true );
$content  = $argv[2];
if ( isset( $argv[3] ) ) {
	$content .= serialize_block(
		array(
			'blockName'    => 'mp-checkout/checkout',
			'attrs'        => json_decode( $argv[3], true ),
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		)
	);
}

mp_test_reset_state();
if ( ! empty( $settings['terms_page'] ) ) {
	mp_test_add_page( (int) $settings['terms_page'], 'Términos y condiciones' );
}
mp_test_set_option( 'mp_checkout_settings', $settings );

mp_test_add_content_filters();

$body = apply_filters( 'the_content', $content );
// The head is the test's (the icon link spares a favicon request the demo server answers with 404).
ob_start();
wp_scripts()->do_items();
$scripts = ob_get_clean();

echo "<!DOCTYPE html>\n<html lang=\"es-AR\">\n<head><meta charset=\"utf-8\"><title>WordPress page</title><link rel=\"icon\" href=\"data:,\"></head>\n<body>\n";
echo $body; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the output under test.
echo $scripts; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
echo "</body>\n</html>\n";

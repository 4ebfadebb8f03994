<?php
/**
 * Mercado Pago's production requirements R1–R9 (shared/spec/mercadopago.md §1), as far as the server
 * can know them.
 *
 * Every row is computed from a fact; a row whose fact only the browser can see says "unknown" and
 * points at `el.audit()`. Nothing is green by default: with an empty configuration no row is `ok`.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One row.
 *
 * @param string $id     Requirement (R1…R9) or 'setup'.
 * @param string $status 'ok', 'warning' (works, but not production-ready), 'problem' or 'unknown'.
 * @param string $title  What is checked.
 * @param string $detail What was found and what to do.
 * @return array{id: string, status: string, title: string, detail: string}
 */
function mp_checkout_checklist_row( $id, $status, $title, $detail ) {
	return array(
		'id'     => $id,
		'status' => $status,
		'title'  => $title,
		'detail' => $detail,
	);
}

/**
 * The text for what only the browser can see.
 *
 * @return string
 */
function mp_checkout_checklist_browser_only() {
	return __( 'Unknown — check with el.audit() in the browser, or npx mp-checkout-audit <url>.', 'mp-checkout' );
}

/**
 * The site a checkout will use when the block or shortcode does not choose one: the setting, else
 * the region of the setting's language, else the region of the WordPress language (the element
 * follows the page's `lang`, which WordPress takes from its own language).
 *
 * @param array $settings Settings.
 * @return string Site id, or '' when it cannot be told.
 */
function mp_checkout_effective_site( $settings ) {
	if ( '' !== $settings['site'] ) {
		return $settings['site'];
	}
	$regions = array(
		'AR' => 'MLA',
		'BR' => 'MLB',
		'MX' => 'MLM',
		'CL' => 'MLC',
		'CO' => 'MCO',
		'PE' => 'MPE',
		'UY' => 'MLU',
	);
	$locale = '' !== $settings['locale'] ? $settings['locale'] : get_locale();
	if ( preg_match( '/^[a-z]{2,3}[-_]([A-Z]{2})\b/', $locale, $match ) && isset( $regions[ $match[1] ] ) ) {
		return $regions[ $match[1] ];
	}
	return '';
}

/**
 * Whether the WordPress address and the site address (Settings → General) are both https://.
 *
 * Read from the options rather than with wp_is_using_https(): that one goes through home_url(),
 * which takes the scheme of the current request, so an administrator who happens to reach the
 * admin over https would see a green for a site that serves its pages over http.
 *
 * @return bool
 */
function mp_checkout_site_uses_https() {
	foreach ( array( 'home', 'siteurl' ) as $option ) {
		if ( 'https' !== strtolower( (string) wp_parse_url( (string) get_option( $option ), PHP_URL_SCHEME ) ) ) {
			return false;
		}
	}
	return true;
}

/**
 * The checklist.
 *
 * @return array<int, array{id: string, status: string, title: string, detail: string}>
 */
function mp_checkout_checklist() {
	$settings = mp_checkout_get_settings();
	$rows     = array();
	$unknown  = mp_checkout_checklist_browser_only();

	// Setup: without these the element cannot take a payment at all.
	$mode = mp_checkout_key_mode( $settings['public_key'] );
	if ( '' === $settings['public_key'] ) {
		$rows[] = mp_checkout_checklist_row( 'setup', 'problem', __( 'Public key', 'mp-checkout' ), __( 'Not set: the checkout cannot load.', 'mp-checkout' ) );
	} elseif ( null === $mode ) {
		$rows[] = mp_checkout_checklist_row( 'setup', 'problem', __( 'Public key', 'mp-checkout' ), __( 'Neither an APP_USR- nor a TEST- key.', 'mp-checkout' ) );
	} elseif ( 'test' === $mode ) {
		$rows[] = mp_checkout_checklist_row( 'setup', 'warning', __( 'Public key', 'mp-checkout' ), __( 'A TEST- key: test mode, no real payments. Use your APP_USR- key to go live.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row( 'setup', 'ok', __( 'Public key', 'mp-checkout' ), __( 'An APP_USR- key: production mode, real payments.', 'mp-checkout' ) );
	}

	$script = mp_checkout_script_source();
	if ( '' === $script['url'] ) {
		$rows[] = mp_checkout_checklist_row( 'setup', 'problem', __( 'Element script', 'mp-checkout' ), __( 'No script URL and no dist/mp-checkout.js in the plugin folder: the tag will stay empty.', 'mp-checkout' ) );
	} elseif ( mp_checkout_is_mercadopago_sdk_url( $script['url'] ) ) {
		$rows[] = mp_checkout_checklist_row( 'R1', 'problem', __( 'Element script', 'mp-checkout' ), __( 'MP_CHECKOUT_SCRIPT_URL points at MercadoPago.js; it must point at mp-checkout.js. Nothing is loaded.', 'mp-checkout' ) );
	} elseif ( 0 === stripos( $script['url'], 'http://' ) ) {
		// Browsers block an http:// script on an https page (mixed content), so the tag stays empty.
		$rows[] = mp_checkout_checklist_row( 'R3', 'problem', __( 'Element script', 'mp-checkout' ), __( 'An http:// URL: browsers refuse to load it on an https page. Use https://.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row(
			'setup',
			'ok',
			__( 'Element script', 'mp-checkout' ),
			/* translators: %s: script URL. */
			sprintf( __( 'Set: %s. Whether it loads, only the browser can tell.', 'mp-checkout' ), $script['url'] )
		);
	}

	// R1: the element loads MercadoPago.js from Mercado Pago itself and the plugin never enqueues a
	// copy; whether the page gets it from there (another plugin's copy, a CSP, an ad blocker) only
	// the browser sees.
	if ( is_dir( MP_CHECKOUT_DIR . '/dist/sandbox' ) ) {
		$rows[] = mp_checkout_checklist_row( 'R1', 'problem', __( 'MercadoPago.js from Mercado Pago', 'mp-checkout' ), __( 'The plugin folder holds dist/sandbox/, the test double of MercadoPago.js. Delete it: only dist/mp-checkout.js and dist/chunks/ belong on a site.', 'mp-checkout' ) );
	}
	$rows[] = mp_checkout_checklist_row( 'R1', 'unknown', __( 'MercadoPago.js from Mercado Pago', 'mp-checkout' ), $unknown );

	// R2: the plugin's markup has no form controls; controls slotted by the theme only the browser sees.
	$rows[] = mp_checkout_checklist_row( 'R2', 'unknown', __( 'No name attribute on card-form inputs', 'mp-checkout' ), $unknown );

	// R3.
	if ( mp_checkout_site_uses_https() ) {
		$rows[] = mp_checkout_checklist_row( 'R3', 'ok', __( 'Site served over HTTPS', 'mp-checkout' ), __( 'The WordPress and site addresses are https://. Whether the certificate is valid only the browser can tell.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row( 'R3', 'problem', __( 'Site served over HTTPS', 'mp-checkout' ), __( 'The WordPress or site address (Settings → General) is not https://. In production the checkout refuses to load on a page that is not HTTPS.', 'mp-checkout' ) );
	}

	// R3, R6: the payment endpoint.
	if ( '' === $settings['action'] ) {
		$rows[] = mp_checkout_checklist_row( 'R6', 'problem', __( 'Payment endpoint', 'mp-checkout' ), __( 'Not set: the checkout has nowhere to send the payment.', 'mp-checkout' ) );
	} elseif ( 0 === stripos( $settings['action'], 'http://' ) ) {
		$rows[] = mp_checkout_checklist_row( 'R3', 'problem', __( 'Payment endpoint', 'mp-checkout' ), __( 'An http:// URL: the card token and the payer\'s data would travel unencrypted. Use https://.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row(
			'R6',
			'ok',
			__( 'Payment endpoint', 'mp-checkout' ),
			/* translators: %s: endpoint URL. */
			sprintf( __( 'Set: %s.', 'mp-checkout' ), $settings['action'] )
		);
	}
	$rows[] = mp_checkout_checklist_row( 'R6', 'unknown', __( 'The endpoint answers with Mercado Pago\'s status and status_detail', 'mp-checkout' ), $unknown );

	// R4: payer and item data is set per checkout (block, shortcode or filter).
	$rows[] = mp_checkout_checklist_row( 'R4', 'unknown', __( 'Payer and item data sent', 'mp-checkout' ), __( 'Set per checkout: payer e-mail and items in the block or shortcode, or with the mp_checkout_tag_attributes filter.', 'mp-checkout' ) . ' ' . $unknown );

	// R5.
	if ( '' === $settings['status_action'] ) {
		$rows[] = mp_checkout_checklist_row( 'R5', 'problem', __( 'Status endpoint', 'mp-checkout' ), __( 'Not set: a pending payment is never followed up in the page.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row(
			'R5',
			'ok',
			__( 'Status endpoint', 'mp-checkout' ),
			/* translators: %s: endpoint URL. */
			sprintf( __( 'Set: %s.', 'mp-checkout' ), $settings['status_action'] )
		);
	}
	$rows[] = mp_checkout_checklist_row( 'R5', 'unknown', __( 'Webhooks received and their signature checked', 'mp-checkout' ), __( 'On your server; neither WordPress nor the browser can see it.', 'mp-checkout' ) );

	// R7: the plugin fills no banner slot, so the element's own promotions banner shows.
	$rows[] = mp_checkout_checklist_row( 'R7', 'unknown', __( 'Promotions and financing costs shown', 'mp-checkout' ), $unknown );

	// R8.
	$site = mp_checkout_effective_site( $settings );
	if ( 'MLA' === $site ) {
		$rows[] = mp_checkout_checklist_row( 'R8', 'warning', __( 'Argentina: transparent prices (Resolution E 51/2017)', 'mp-checkout' ), __( 'The checkout shows cash price, financed total, installments, TEA and CFT itself. Wherever else you advertise installments (product pages, banners), show the same, with the CFT highlighted.', 'mp-checkout' ) );
	} elseif ( '' === $site ) {
		$rows[] = mp_checkout_checklist_row( 'R8', 'unknown', __( 'Argentina: transparent prices (Resolution E 51/2017)', 'mp-checkout' ), __( 'No site set and none follows from the language: choose the site in these settings.', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row(
			'R8',
			'ok',
			__( 'Argentina: transparent prices (Resolution E 51/2017)', 'mp-checkout' ),
			/* translators: %s: site id such as MLB. */
			sprintf( __( 'Does not apply to site %s (a block or shortcode that sets site="MLA" brings it back).', 'mp-checkout' ), $site )
		);
	}

	// R9.
	$terms = (int) $settings['terms_page'];
	if ( $terms <= 0 ) {
		$rows[] = mp_checkout_checklist_row( 'R9', 'problem', __( 'Terms and conditions', 'mp-checkout' ), __( 'No terms page chosen: the checkout shows no terms link.', 'mp-checkout' ) );
	} elseif ( 'publish' !== get_post_status( $terms ) ) {
		$rows[] = mp_checkout_checklist_row( 'R9', 'problem', __( 'Terms and conditions', 'mp-checkout' ), __( 'The chosen terms page is not published (or no longer exists).', 'mp-checkout' ) );
	} else {
		$rows[] = mp_checkout_checklist_row( 'R9', 'ok', __( 'Terms and conditions', 'mp-checkout' ), __( 'A published terms page is linked next to the pay button.', 'mp-checkout' ) );
	}

	return $rows;
}

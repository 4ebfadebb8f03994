<?php
/**
 * Settings → Mercado Pago checkout: the settings form (Settings API) and the R1–R9 checklist.
 *
 * Saving goes through WordPress's options.php, which checks the nonce printed by settings_fields()
 * and the `manage_options` capability before mp_checkout_sanitize_settings() sees the values.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const MP_CHECKOUT_SETTINGS_PAGE = 'mp-checkout';

/**
 * Adds the page under Settings, and its sections and fields.
 */
function mp_checkout_add_settings_page() {
	add_options_page(
		__( 'Mercado Pago checkout', 'mp-checkout' ),
		__( 'Mercado Pago checkout', 'mp-checkout' ),
		'manage_options',
		MP_CHECKOUT_SETTINGS_PAGE,
		'mp_checkout_render_settings_page'
	);
	mp_checkout_add_settings_fields();
}

/**
 * Declares the fields. Each field's name is `mp_checkout_settings[key]`, so options.php stores the
 * whole form as the one option.
 */
function mp_checkout_add_settings_fields() {
	add_settings_section( 'mp_checkout_credentials', __( 'Mercado Pago', 'mp-checkout' ), '__return_false', MP_CHECKOUT_SETTINGS_PAGE );
	add_settings_section( 'mp_checkout_endpoints', __( 'Your server', 'mp-checkout' ), 'mp_checkout_endpoints_section_intro', MP_CHECKOUT_SETTINGS_PAGE );
	add_settings_section( 'mp_checkout_page', __( 'The checkout on your pages', 'mp-checkout' ), '__return_false', MP_CHECKOUT_SETTINGS_PAGE );

	$fields = array(
		array( 'public_key', __( 'Public key', 'mp-checkout' ), 'mp_checkout_credentials', 'text', __( 'From Your integrations → Credentials. APP_USR-… takes real payments, TEST-… uses test credentials. Never the access token: that one is secret.', 'mp-checkout' ) ),
		array( 'site', __( 'Site', 'mp-checkout' ), 'mp_checkout_credentials', 'site', __( 'The country of your Mercado Pago account. Empty: from the language.', 'mp-checkout' ) ),
		array( 'action', __( 'Payment endpoint', 'mp-checkout' ), 'mp_checkout_endpoints', 'url', __( 'Receives the payment as JSON and forwards it to Mercado Pago with your access token (see the README, "Your server: the endpoint contract").', 'mp-checkout' ) ),
		array( 'status_action', __( 'Status endpoint', 'mp-checkout' ), 'mp_checkout_endpoints', 'url', __( 'Answers GET ?id=<payment id> with the payment\'s status, so a pending payment is followed up.', 'mp-checkout' ) ),
		array( 'locale', __( 'Language', 'mp-checkout' ), 'mp_checkout_page', 'locale', __( 'Empty: the page\'s language.', 'mp-checkout' ) ),
		array( 'terms_page', __( 'Terms and conditions page', 'mp-checkout' ), 'mp_checkout_page', 'page', __( 'Linked next to the pay button (Mercado Pago requirement R9).', 'mp-checkout' ) ),
		array( 'script_url', __( 'Script URL', 'mp-checkout' ), 'mp_checkout_page', 'url', __( 'Where dist/mp-checkout.js of the mp-checkout package is served. Empty: the copy in the plugin\'s dist/ folder. The MP_CHECKOUT_SCRIPT_URL constant overrides it.', 'mp-checkout' ) ),
	);
	foreach ( $fields as $field ) {
		list( $key, $label, $section, $type, $help ) = $field;
		add_settings_field(
			'mp_checkout_' . $key,
			$label,
			'mp_checkout_render_field',
			MP_CHECKOUT_SETTINGS_PAGE,
			$section,
			array(
				'key'       => $key,
				'type'      => $type,
				'help'      => $help,
				'label_for' => 'mp_checkout_' . $key,
			)
		);
	}
}

/**
 * Intro of the endpoints section: the plugin renders the checkout, it does not take the payment.
 */
function mp_checkout_endpoints_section_intro() {
	echo '<p>' . esc_html__( 'The plugin shows the checkout; charging the card happens on your server, which keeps the access token. Use https:// addresses or paths on this site.', 'mp-checkout' ) . '</p>';
}

/**
 * Prints one field.
 *
 * @param array $args key, type, help, label_for.
 */
function mp_checkout_render_field( $args ) {
	$settings = mp_checkout_get_settings();
	$key      = $args['key'];
	$id       = $args['label_for'];
	$name     = MP_CHECKOUT_OPTION . '[' . $key . ']';
	$value    = $settings[ $key ];

	switch ( $args['type'] ) {
		case 'site':
		case 'locale':
			$choices = 'site' === $args['type'] ? mp_checkout_sites() : mp_checkout_locales();
			printf( '<select id="%s" name="%s">', esc_attr( $id ), esc_attr( $name ) );
			printf( '<option value="">%s</option>', esc_html__( 'Automatic', 'mp-checkout' ) );
			foreach ( $choices as $choice => $label ) {
				printf(
					'<option value="%s"%s>%s</option>',
					esc_attr( $choice ),
					selected( $value, $choice, false ),
					esc_html( 'site' === $args['type'] ? $choice . ' — ' . $label : $label )
				);
			}
			echo '</select>';
			break;
		case 'page':
			// wp_dropdown_pages() escapes the id and name itself; its "none" label goes out as given.
			$dropdown = wp_dropdown_pages(
				array(
					'id'                => $id,
					'name'              => $name,
					'selected'          => (int) $value,
					'show_option_none'  => esc_html__( '— None —', 'mp-checkout' ),
					'option_none_value' => '0',
					'echo'              => false,
				)
			);
			// It prints nothing at all when the site has no published page.
			echo '' !== $dropdown ? $dropdown : esc_html__( 'No published page yet: publish your terms and conditions first.', 'mp-checkout' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built and escaped by wp_dropdown_pages().
			break;
		default:
			printf(
				// type="text", not "url": a path on this site ("/checkout/pay") is a valid value.
				'<input type="text" id="%s" name="%s" value="%s" class="regular-text code" autocomplete="off" spellcheck="false">',
				esc_attr( $id ),
				esc_attr( $name ),
				esc_attr( (string) $value )
			);
	}
	if ( '' !== $args['help'] ) {
		printf( '<p class="description">%s</p>', esc_html( $args['help'] ) );
	}
}

/**
 * The settings page: the form, then the checklist.
 */
function mp_checkout_render_settings_page() {
	// The menu already requires the capability; this keeps the page safe if it is called otherwise.
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap">';
	printf( '<h1>%s</h1>', esc_html( get_admin_page_title() ) );
	echo '<form action="options.php" method="post">';
	settings_fields( MP_CHECKOUT_OPTION_GROUP );
	do_settings_sections( MP_CHECKOUT_SETTINGS_PAGE );
	submit_button();
	echo '</form>';
	mp_checkout_render_checklist();
	echo '</div>';
}

/**
 * Prints the checklist table. The status is written as a word, not only a colour.
 */
function mp_checkout_render_checklist() {
	$labels = array(
		'ok'      => __( 'OK', 'mp-checkout' ),
		'warning' => __( 'Warning', 'mp-checkout' ),
		'problem' => __( 'Problem', 'mp-checkout' ),
		'unknown' => __( 'Unknown', 'mp-checkout' ),
	);
	$colors = array(
		'ok'      => '#00a32a',
		'warning' => '#dba617',
		'problem' => '#d63638',
		'unknown' => '#646970',
	);
	printf( '<h2 id="mp-checkout-checklist">%s</h2>', esc_html__( 'Production checklist (Mercado Pago R1–R9)', 'mp-checkout' ) );
	echo '<p>' . esc_html__( 'What WordPress can check. For what only the browser sees, open a page with the checkout and run document.querySelector("mp-checkout").audit() in the console, or npx mp-checkout-audit <url>.', 'mp-checkout' ) . '</p>';
	echo '<table class="widefat striped mp-checkout-checklist"><thead><tr>';
	printf( '<th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th>', esc_html__( 'Requirement', 'mp-checkout' ), esc_html__( 'Status', 'mp-checkout' ), esc_html__( 'Check', 'mp-checkout' ), esc_html__( 'Details', 'mp-checkout' ) );
	echo '</tr></thead><tbody>';
	foreach ( mp_checkout_checklist() as $row ) {
		printf(
			'<tr data-requirement="%1$s" data-status="%2$s"><td>%3$s</td><td><strong style="color:%4$s">%5$s</strong></td><td>%6$s</td><td>%7$s</td></tr>',
			esc_attr( $row['id'] ),
			esc_attr( $row['status'] ),
			esc_html( 'setup' === $row['id'] ? __( 'Setup', 'mp-checkout' ) : $row['id'] ),
			esc_attr( $colors[ $row['status'] ] ),
			esc_html( $labels[ $row['status'] ] ),
			esc_html( $row['title'] ),
			esc_html( $row['detail'] )
		);
	}
	echo '</tbody></table>';
}

/**
 * "Settings" link on the Plugins screen.
 *
 * @param string[] $links Action links.
 * @return string[]
 */
function mp_checkout_plugin_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=' . MP_CHECKOUT_SETTINGS_PAGE );
	array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( $url ), esc_html__( 'Settings', 'mp-checkout' ) ) );
	return $links;
}

/**
 * Editor side of the "Mercado Pago checkout" block. Plain script over the `wp` globals, so the
 * plugin needs no build step. The block is dynamic: nothing is saved but its attributes, and the
 * page gets the <mp-checkout> tag from the server (mp_checkout_render_block()).
 *
 * The canvas shows a summary rather than a live checkout: the element would load MercadoPago.js
 * and real card fields inside the editor.
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var blockEditor = wp.blockEditor;
	var components = wp.components;

	/** Sites and languages offered; '' defers to Settings → Mercado Pago checkout. */
	var SITES = [ '', 'MLA', 'MLB', 'MLM', 'MLC', 'MCO', 'MPE', 'MLU' ];
	var LOCALES = [ '', 'es-AR', 'es-MX', 'es-CO', 'es-CL', 'es-PE', 'es-UY', 'pt-BR', 'en' ];

	/**
	 * Why the items text is not usable, or '' when it is empty or a JSON array (what the element
	 * accepts). The server passes anything else on unchanged and the element reports it; saying it
	 * here spares the author a trip to the browser console.
	 */
	function itemsProblem( text ) {
		if ( ! text || ! text.trim() ) {
			return '';
		}
		try {
			return Array.isArray( JSON.parse( text ) ) ? '' : __( 'Items must be a JSON array: [ { … }, … ].', 'mp-checkout' );
		} catch ( error ) {
			return __( 'Items are not valid JSON.', 'mp-checkout' );
		}
	}

	function Edit( props ) {
		var attributes = props.attributes;
		var setAttributes = props.setAttributes;

		/** The onChange of a control that edits one attribute. */
		function setter( name ) {
			return function ( value ) {
				var change = {};
				change[ name ] = value;
				setAttributes( change );
			};
		}

		function text( name, label, help, type ) {
			return el( components.TextControl, {
				key: name,
				label: label,
				help: help,
				type: type || 'text',
				value: attributes[ name ],
				onChange: setter( name ),
			} );
		}

		/** A select of the given values; '' leaves the choice to the settings page. */
		function select( name, label, values ) {
			return el( components.SelectControl, {
				label: label,
				value: attributes[ name ],
				options: values.map( function ( value ) {
					return { value: value, label: value || __( 'From the settings', 'mp-checkout' ) };
				} ),
				onChange: setter( name ),
			} );
		}

		var problem = itemsProblem( attributes.items );
		var summary = attributes.amount
			? sprintf(
				/* translators: 1: amount, 2: description. */
				__( 'Amount: %1$s %2$s', 'mp-checkout' ),
				attributes.amount,
				attributes.description ? '· ' + attributes.description : ''
			)
			: __( 'Set the amount in the block settings.', 'mp-checkout' );

		return el(
			'div',
			blockEditor.useBlockProps(),
			el(
				blockEditor.InspectorControls,
				null,
				el(
					components.PanelBody,
					{ title: __( 'Payment', 'mp-checkout' ), initialOpen: true },
					text( 'amount', __( 'Amount', 'mp-checkout' ), __( 'Decimal with a dot, in the site\'s currency (whole numbers for CLP and COP). Your server must check it again.', 'mp-checkout' ) ),
					text( 'description', __( 'Description', 'mp-checkout' ) ),
					text( 'externalReference', __( 'Order reference', 'mp-checkout' ) ),
					text( 'statementDescriptor', __( 'Card statement text', 'mp-checkout' ) ),
					el( components.TextareaControl, {
						label: __( 'Items (JSON array)', 'mp-checkout' ),
						help: problem || __( 'Sent to Mercado Pago for fraud scoring: [{"id":"…","title":"…","quantity":1,"unit_price":10}]', 'mp-checkout' ),
						value: attributes.items,
						onChange: setter( 'items' ),
					} ),
					text( 'successUrl', __( 'Page after an approval (URL)', 'mp-checkout' ), '', 'url' )
				),
				el(
					components.PanelBody,
					{ title: __( 'Payer', 'mp-checkout' ), initialOpen: false },
					text( 'payerEmail', __( 'E-mail', 'mp-checkout' ), __( 'When set, the buyer is not asked for it.', 'mp-checkout' ), 'email' ),
					text( 'payerFirstName', __( 'First name', 'mp-checkout' ) ),
					text( 'payerLastName', __( 'Last name', 'mp-checkout' ) )
				),
				el(
					components.PanelBody,
					{ title: __( 'Installments and region', 'mp-checkout' ), initialOpen: false },
					text( 'minInstallments', __( 'Fewest installments', 'mp-checkout' ), '', 'number' ),
					text( 'maxInstallments', __( 'Most installments', 'mp-checkout' ), '', 'number' ),
					select( 'site', __( 'Site', 'mp-checkout' ), SITES ),
					select( 'locale', __( 'Language', 'mp-checkout' ), LOCALES ),
					el( components.ToggleControl, {
						label: __( 'Disabled (the form is locked)', 'mp-checkout' ),
						checked: !! attributes.disabled,
						onChange: setter( 'disabled' ),
					} )
				)
			),
			el( components.Placeholder, {
				icon: 'money-alt',
				label: __( 'Mercado Pago checkout', 'mp-checkout' ),
				instructions: summary,
			}, problem ? el( components.Notice, { status: 'warning', isDismissible: false }, problem ) : null )
		);
	}

	wp.blocks.registerBlockType( 'mp-checkout/checkout', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
}( window.wp ) );

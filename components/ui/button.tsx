import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-accent-600 text-white hover:bg-red-800",
};

/** The look of a button, for a <button> or for a link that acts as one (<Link className={buttonClass()}>). */
export function buttonClass(variant: ButtonVariant = "primary", size: "md" | "sm" = "md") {
  const padding = size === "md" ? "px-4 py-2" : "px-3 py-2";
  return `inline-block rounded ${padding} text-sm font-semibold disabled:opacity-70 aria-disabled:opacity-70 ${VARIANTS[variant]}`;
}

/** A button that does something on the page; type="button" unless told otherwise, so it never submits a form by accident. */
export function Button({
  variant = "primary",
  size = "md",
  type = "button",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "md" | "sm" }) {
  return <button type={type} {...props} className={[buttonClass(variant, size), className].filter(Boolean).join(" ")} />;
}

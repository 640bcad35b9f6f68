/** What a signed-in person may do. Staff record movements and read; admins do everything. */
export enum Role {
  Admin = 'admin',
  Staff = 'staff',
}
